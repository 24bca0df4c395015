export * from './tokens';
export * from './sentences';
export { STOPWORDS } from './stopwords';
