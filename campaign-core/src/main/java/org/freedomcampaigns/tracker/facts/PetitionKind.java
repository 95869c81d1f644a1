package org.freedomcampaigns.tracker.facts;

/** What a petition asks for. */
public enum PetitionKind { COMMUTATION, PARDON, CLEMENCY, RESENTENCING, PAROLE, COMPASSIONATE_RELEASE }
