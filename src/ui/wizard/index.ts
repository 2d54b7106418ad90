/** What the wizard offers the other screens: the step list, and the id of a question's control. */
export { StepList } from './StepList';
export { controlId } from './form-values';
