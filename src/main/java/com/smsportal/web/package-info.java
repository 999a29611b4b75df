/**
 * What every page shares: the layout, the language switch (zh-CN first, English second), error
 * pages, the clock and the start-up report of where the portal keeps its data.
 */
package com.smsportal.web;
