/** Words for people in histories, lists and reports (people.ts), registered by main.tsx as `people`. */
export const peopleStrings = {
  nl: {
    thisDevice: 'dit apparaat',
    unknown: 'onbekende deelnemer',
    madeBy: 'Vastgelegd door',
    followUpNotYours: 'Toewijzen, de status wijzigen en reageren doet de wijkbeheerder of de coördinator.',
    walkEditNotYours: 'Je kunt alleen je eigen bevindingen wijzigen zolang ze open zijn. Voor deze bevinding vraag je de wijkbeheerder of de coördinator.',
    reviewNotYours: 'Beoordelen of deze bevinding er nog is, doet de wijkbeheerder of de coördinator. Loop je samen, laat hen dit hier vastleggen.',
  },
  en: {
    thisDevice: 'this device',
    unknown: 'unknown participant',
    madeBy: 'Recorded by',
    followUpNotYours: 'Assigning, changing the status and commenting is done by the wijkbeheerder or the coordinator.',
    walkEditNotYours: 'You can only change your own findings while they are open. For this finding, ask the wijkbeheerder or the coordinator.',
    reviewNotYours: 'Judging whether this finding is still there is done by the wijkbeheerder or the coordinator. If you walk together, let them record it here.',
  },
};
