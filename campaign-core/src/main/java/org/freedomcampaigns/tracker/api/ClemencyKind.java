package org.freedomcampaigns.tracker.api;

/** The form of clemency granted. */
public enum ClemencyKind { COMMUTATION, PARDON, REPRIEVE, OTHER }
