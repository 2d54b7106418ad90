/** What the library offers the start screen: the list of assessments with its actions. */
export { Library } from './Library';
