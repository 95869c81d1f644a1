package org.freedomcampaigns.tracker.api;

/** How an official was reached. */
public enum LobbyChannel { MEETING, CALL, LETTER, EMAIL, HEARING, OTHER }
