import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import './shops.css';
import { useShopsData } from './useShopsData';
import { RegisterView } from './RegisterView';
import { ShopEditView } from './ShopEditView';
import { ImportView } from './ImportView';
import { ParticipationView } from './ParticipationView';
import { CertificationView } from './CertificationView';
import { ProgrammeView } from './ProgrammeView';
import { TablesView } from './TablesView';
import { BagCheckView } from './BagCheckView';
import { TrendsView } from './TrendsView';

const tabs = [
  ['/', 'register'],
  ['/import', 'import'],
  ['/deelname', 'participation'],
  ['/bag', 'bag'],
  ['/certificering', 'certification'],
  ['/programma', 'programme'],
  ['/trends', 'trends'],
] as const;

/** The shops screen (route /winkels): register, import, participation and both certification lists. */
export default function ShopsScreen() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const data = useShopsData();
  const current = (href: string) => (href === '/' ? location === '/' || location.startsWith('/winkel') || location === '/nieuw' : location.startsWith(href));
  return (
    <main className="screen shops-screen" id="main">
      <nav aria-label={t('shops.nav.label')} className="subnav">
        {tabs.map(([href, key]) => (
          <Link key={href} href={href} aria-current={current(href) ? 'page' : undefined}>
            {t(`shops.nav.${key}`)}
          </Link>
        ))}
      </nav>
      {!data.config ? (
        <p className="banner">{t('shops.noConfig')}</p>
      ) : (
        <Switch>
          <Route path="/import">
            <ImportView data={data} />
          </Route>
          <Route path="/deelname">
            <ParticipationView data={data} />
          </Route>
          <Route path="/certificering">
            <CertificationView data={data} />
          </Route>
          <Route path="/tabellen">
            <TablesView />
          </Route>
          <Route path="/trends">
            <TrendsView data={data} />
          </Route>
          <Route path="/bag">
            <BagCheckView data={data} />
          </Route>
          <Route path="/programma">
            <ProgrammeView data={data} />
          </Route>
          <Route path="/nieuw">
            <ShopEditView data={data} id={null} />
          </Route>
          <Route path="/winkel/:id">{(params) => <ShopEditView data={data} id={decodeURIComponent(params.id)} />}</Route>
          <Route>
            <RegisterView data={data} />
          </Route>
        </Switch>
      )}
    </main>
  );
}
