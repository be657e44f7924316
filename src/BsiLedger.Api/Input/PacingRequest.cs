namespace BsiLedger.Api.Input;

/// <summary>
/// A wave's pacing, with the scenario file's names: a rate of offers per hour of domain time, an optional ramp
/// (<c>rampFactor</c> after every <c>rampEvery</c> successes or offers, as <c>rampOn</c> says) and cap, or
/// <c>spreadOver</c> a duration such as <c>12h</c>.
/// </summary>
public sealed record PacingRequest(double? RatePerHour, double? RampFactor, int? RampEvery, string? RampOn, double? MaxPerHour, string? SpreadOver);
