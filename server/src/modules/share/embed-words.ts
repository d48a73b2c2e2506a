import type { Language } from '@consulta/shared';

/** The embed's words, in each language the product speaks (the embed is served as HTML, outside the SPA). */
export const EMBED_WORDS: Record<
  Language,
  {
    by: string;
    open: string;
    closed: string;
    ideas: (n: number) => string;
    people: (n: number) => string;
    top: string;
    topByScore: string;
    none: string;
    supports: (n: number) => string;
    score: (n: number) => string;
    takePart: string;
    seeResults: string;
    newTab: string;
    topLabel: string;
  }
> = {
  en: {
    by: 'A consultation by',
    open: 'Open',
    closed: 'Closed',
    ideas: (n) => (n === 1 ? '1 idea' : `${n.toLocaleString('en')} ideas`),
    people: (n) => (n === 1 ? '1 person took part' : `${n.toLocaleString('en')} people took part`),
    top: 'Most supported ideas',
    topByScore: 'Ideas with the highest score',
    none: 'No ideas yet: be the first to propose one.',
    supports: (n) => (n === 1 ? '1 support' : `${n.toLocaleString('en')} supports`),
    score: (n) => `score ${n.toLocaleString('en')}`,
    takePart: 'Take part on Consulta',
    seeResults: 'See the results on Consulta',
    newTab: '(opens in a new tab)',
    topLabel: 'Ideas',
  },
  es: {
    by: 'Una consulta de',
    open: 'Abierta',
    closed: 'Cerrada',
    ideas: (n) => (n === 1 ? '1 idea' : `${n.toLocaleString('es')} ideas`),
    people: (n) => (n === 1 ? '1 persona ha participado' : `${n.toLocaleString('es')} personas han participado`),
    top: 'Ideas con más apoyos',
    topByScore: 'Ideas con mejor puntuación',
    none: 'Aún no hay ideas: proponga la primera.',
    supports: (n) => (n === 1 ? '1 apoyo' : `${n.toLocaleString('es')} apoyos`),
    score: (n) => `puntuación ${n.toLocaleString('es')}`,
    takePart: 'Participe en Consulta',
    seeResults: 'Vea los resultados en Consulta',
    newTab: '(se abre en una pestaña nueva)',
    topLabel: 'Ideas',
  },
};
