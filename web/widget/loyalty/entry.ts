// Entry of the loyalty panel chunk (w/loyalty.<hash>.js): the widget loads it on the first `rapport('loyalty')`
// and calls `rapport.o` once it has run.
import type { RapportGlobal } from '../global';
import { openLoyaltyPanel } from './panel';

(window as { rapport?: RapportGlobal }).rapport!.o = openLoyaltyPanel;
