package org.freedomcampaigns.tracker.api;

/** What a petition asks for. */
public enum PetitionKind { COMMUTATION, PARDON, CLEMENCY, RESENTENCING, PAROLE, COMPASSIONATE_RELEASE }
