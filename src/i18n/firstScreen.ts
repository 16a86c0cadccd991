/**
 * The strings of the pane's first screen (header and template gallery), in both languages: they are all the
 * first chunk carries of the catalogues, which are chunks of their own loaded after the first paint
 * (`loadLocale`). Each catalogue takes these from here, so a string is written once.
 */
export const FIRST_SCREEN = {
  sv: {
    app: {
      title: "FINSAM för Excel",
      tagline: "Budget, avgiftsfördelning, social budget och Impactindex för samordningsförbund.",
      outsideOffice: "Sidan är öppnad utanför Excel. Läs in manifest.xml i Excel för att använda tillägget.",
    },
    pane: {
      templates: {
        budget: {
          name: "Budget",
          description: "Tre budgetår med resultat, eget kapital och takbelopp, samt utfall mot budget.",
        },
        avgifter: {
          name: "Avgiftsfördelning",
          description: "Staten, regionen och kommunerna, fördelat efter befolkning i arbetsför ålder.",
        },
        socialbudget: {
          name: "Social budget",
          description: "Målområden, mål och indikatorer med vikter som kontrolleras mot poängen.",
        },
        impactindex: {
          name: "Impactindex",
          description: "Måluppfyllelse per målområde och plattform mot styrelsens mål 70.",
        },
        arsbokslut: {
          name: "Årsbokslut",
          description:
            "Resultaträkning, balansräkning, kassaflödesanalys och noter med kontroller mellan dem.",
        },
        uppfoljning: {
          name: "Uppföljning",
          description:
            "Delårsrapport: utfall för perioden, helårsprognos mot budget, eget kapital mot taket, och kontoplanen.",
        },
      },
      loadingPane: "Laddar formuläret och kontrollerna …",
      loadFailed: "Resten av fönstret kunde inte läsas in. Stäng fönstret och öppna det igen.",
      loadingLanguage: "Byter språk …",
      galleryHeading: "Mallar",
      galleryLabel: "Välj mall",
      otherLanguage: "English",
      otherLanguageLabel: "English – byt språk till engelska",
    },
  },
  en: {
    app: {
      title: "FINSAM for Excel",
      tagline: "Budget, member fees, social budget and Impactindex for coordination associations.",
      outsideOffice: "This page is open outside Excel. Load manifest.xml into Excel to use the add-in.",
    },
    pane: {
      templates: {
        budget: {
          name: "Budget",
          description: "Three budget years with result, equity and ceiling, and outcome against budget.",
        },
        avgifter: {
          name: "Member fees",
          description: "The state, the region and the municipalities, split by working-age population.",
        },
        socialbudget: {
          name: "Social budget",
          description: "Goal areas, goals and indicators with weights checked against the points.",
        },
        impactindex: {
          name: "Impactindex",
          description: "Goal attainment per goal area and platform against the board's target of 70.",
        },
        arsbokslut: {
          name: "Annual accounts",
          description:
            "Result statement, balance sheet, cash-flow statement and notes, with the checks between them.",
        },
        uppfoljning: {
          name: "Follow-up",
          description:
            "Interim report: outcome for the period, full-year forecast against budget, equity against the ceiling, and the account map.",
        },
      },
      loadingPane: "Loading the form and the checks …",
      loadFailed: "The rest of the pane could not be loaded. Close the pane and open it again.",
      loadingLanguage: "Changing the language …",
      galleryHeading: "Templates",
      galleryLabel: "Choose a template",
      otherLanguage: "Svenska",
      otherLanguageLabel: "Svenska – switch language to Swedish",
    },
  },
};

export type FirstScreenMessages = (typeof FIRST_SCREEN)["sv"];
