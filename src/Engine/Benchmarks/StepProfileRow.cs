namespace ClipHost.Engine.Benchmarks;

/// <summary>One line of a step profile: an operation or phase, its median milliseconds per step, and its share of the median step.</summary>
public sealed record StepProfileRow(string Operation, double MillisecondsPerStep, double Share);
