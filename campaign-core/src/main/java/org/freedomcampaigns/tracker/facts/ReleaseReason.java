package org.freedomcampaigns.tracker.facts;

/** Why a person walked free. */
public enum ReleaseReason { CLEMENCY, RESENTENCING, PAROLE, SENTENCE_SERVED, OTHER }
