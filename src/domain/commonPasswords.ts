/**
 * Passwords people pick first (issue 12, defect 8): the top of public leak lists (English and Dutch),
 * keyboard walks and the app's own words. Compared lower-case, and also with the digits and symbols at
 * either end taken off, so "Wachtwoord2026!" counts as "wachtwoord". Not secret; a small list is enough
 * to refuse the guesses a login limit would otherwise have to catch.
 */
const LIST = `
123456 123456789 12345678 1234567890 12345 1234567 123123 123321 654321 111111 000000 666666 121212 112233 987654321
1q2w3e4r 1q2w3e4r5t 1qaz2wsx qwerty qwertyuiop qwerty123 qwertz asdfgh asdfghjkl asdf1234 zxcvbnm zxcvbn azerty qazwsx
password password1 password123 passw0rd p@ssw0rd p@ssword pass1234 letmein welcome welcome1 welcome123 admin admin123 administrator
root toor login guest user test test123 testtest changeme secret secret123 default master master123 access access14
iloveyou iloveyou1 princess sunshine shadow dragon monkey football baseball basketball soccer hockey superman batman
trustno1 starwars pokemon charlie freedom whatever michael jennifer jessica daniel thomas jordan hunter ranger buster
summer winter autumn spring flower flowers hello hello123 hellohello loveyou lovely love123 angel angels baby babygirl
computer internet google samsung apple iphone android windows linux mustang ferrari porsche mercedes corvette harley
chocolate cookie cheese banana orange pepper ginger purple yellow silver golden diamond killer matrix hacker cowboy
tigger jordan23 michelle nicole ashley andrew joshua matthew anthony robert william richard charles joseph george
qwerty1 abc123 abcdef abcdefg abcdefgh abcd1234 a1b2c3 a1b2c3d4 aa123456 zaq12wsx 1qazxsw2 q1w2e3r4 q1w2e3r4t5y6
11111111 12341234 123412341234 00000000 88888888 99999999 121212121212 123456123456 147258369 159753 159357 741852963
myspace facebook twitter instagram linkedin youtube netflix spotify minecraft fortnite roblox gaming gamer playstation
onetwothree letmein123 iamadmin adminadmin useruser passpass password12 password1234 passwordpassword correcthorse
correcthorsebatterystaple opensesame blink182 metallica nirvana eminem rockstar liverpool chelsea arsenal manchester
barcelona realmadrid juventus ajax feyenoord psv vitesse twente utrecht
wachtwoord wachtwoord1 wachtwoord123 welkom welkom01 welkom123 welkomwelkom geheim geheim123 voetbal voetballen
amsterdam rotterdam denhaag utrecht eindhoven groningen tilburg almere breda nijmegen apeldoorn haarlem arnhem zwolle
deventer deventer1 zutphen overijssel gelderland nederland holland hollandia oranje oranjeboven koningsdag sinterklaas
zomer winter lente herfst zonnetje schatje lieverd liefje schat mijnwachtwoord hallo hallo123 hallohallo doei tjoeptjoep
fiets fietsen hond honden kat katten paard konijn vogel tulp tulpen kaas kaasje hagelslag stroopwafel drop appeltaart
prinses kabouter draak ridder kasteel boerderij koe molen dijk polder gracht fietspad bakker slager winkel winkelcentrum
gemeente gemeentehuis politie brandweer ambulance veiligheid veilig veiligondernemen keurmerk kvow schouw schouwen
schouwkaart gebiedsschouw winkelgebied binnenstad centrum coordinator schouwer wijkbeheerder partner beheerder
administrator1 beheer beheer123 medewerker medewerker1 kantoor kantoor123 computer1 laptop tablet telefoon
januari februari maart april mei juni juli augustus september oktober november december maandag dinsdag woensdag
donderdag vrijdag zaterdag zondag
aaaaaaaaaaaa abcdefghijkl abcabcabcabc qwertyqwerty azertyazerty 123qweasdzxc qweasdzxc123 1234qwerasdf qwerasdfzxcv
zaq1xsw2cde3 1q2w3e4r5t6y 1234567890ab iloveyouiloveyou loveyouforever neverforget letmeinplease pleaseletmein
thisismypassword mypassword mypassword1 mypassword123 newpassword newpassword1 changeme123 temppassword temporary
summer2024 summer2025 summer2026 winter2024 winter2025 winter2026 zomer2024 zomer2025 zomer2026 welkom2024 welkom2025
welkom2026 lente2026 herfst2025 deventer2025 deventer2026 schouw2025 schouw2026 keurmerk2025 keurmerk2026
`;

export const commonPasswords: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter((w) => w !== ''));
