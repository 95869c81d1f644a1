package org.freedomcampaigns.tracker.facts;

/** How an official was reached. */
public enum LobbyChannel { MEETING, CALL, LETTER, EMAIL, HEARING, OTHER }
