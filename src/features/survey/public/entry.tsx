// The shopkeeper's survey page (/enquete#<token>): its own entry (enquete.html), apart from the app, so a
// phone loads only this page's JavaScript and the app's first screen is untouched.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SurveyPage } from './SurveyPage';
import './surveyPage.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SurveyPage token={decodeURIComponent(location.hash.slice(1))} />
  </StrictMode>,
);
