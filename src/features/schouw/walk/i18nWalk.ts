// Strings of the walk's end confirmation and its participants-and-notes form; registered as `walk`.
import { registerStrings } from '../../../services/i18n';

registerStrings('walk', {
  nl: {
    endTitle: 'Schouw afronden?',
    endIntro: 'Dit is wat je hebt vastgelegd. Na het afronden kun je de schouw nog weer openen.',
    endConfirm: 'Ja, schouw afronden',
    endCancel: 'Nog niet, verder schouwen',
    details: 'Deelnemers en notities',
    detailsSave: 'Deelnemers en notities opslaan',
    detailsSaved: 'Deelnemers en notities opgeslagen.',
    noDescription: 'Geen omschrijving.',
    packTitle: 'Dit gebied staat niet op het apparaat.',
    packIntro: 'Download de kaart van het gebied eerst, dan zie je de achtergrondkaart ook zonder netwerk.',
    packDownload: 'Eerst downloaden',
    packNotNow: 'Niet nu',
  },
  en: {
    endTitle: 'End the walk?',
    endIntro: 'This is what you recorded. After ending, the walk can still be reopened.',
    endConfirm: 'Yes, end the walk',
    endCancel: 'Not yet, keep walking',
    details: 'Participants and notes',
    detailsSave: 'Save participants and notes',
    detailsSaved: 'Participants and notes saved.',
    noDescription: 'No description.',
    packTitle: 'This area is not on the device.',
    packIntro: 'Download the area’s map first, so the background map also shows without a network.',
    packDownload: 'Download first',
    packNotNow: 'Not now',
  },
});
