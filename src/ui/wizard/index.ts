/** What the wizard offers the other screens: the step list. */
export { StepList } from './StepList';
