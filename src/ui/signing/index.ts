/** What sign-off offers the other screens: the notice that a signed assessment is locked. */
export { LockedNotice } from './LockedNotice';
