"""Reading Ukrainian and Russian: language identification and a rule layer (sentences, places in
Cyrillic, times, actors, sources, tolls) that codes events in the same English/ACLED/PLOVER terms as
the English pipeline. Nothing is loaded at import time."""
