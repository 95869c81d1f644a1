package org.freedomcampaigns.tracker.facts;

/** The form of clemency granted. */
public enum ClemencyKind { COMMUTATION, PARDON, REPRIEVE, OTHER }
