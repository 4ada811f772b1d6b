using System.Text.Json.Nodes;

namespace ClipHost.Engine.Studies;

/// <summary>
/// Something a study needs before its cells can be checked: a store built from others, or a run its cells name (a
/// filter's teacher). Steps run in order, and each is skipped when what it makes already exists, so preparing again
/// costs nothing.
/// </summary>
/// <param name="Field">Where the step is in the study file (<c>prepare[2]</c>), for errors.</param>
public abstract record StudyPrepareStep(string Field);

/// <summary><c>{"merge": ["emoji", "openclipart"], "into": "pool"}</c>: <c>clip-host data merge</c>.</summary>
public sealed record MergeStoresStep(string Field, string Into, IReadOnlyList<string> Stores) : StudyPrepareStep(Field);

/// <summary><c>{"plantNoise": "pool", "into": "pool-noisy", "share": 0.2, "seed": 0}</c>: <c>clip-host data plant-noise</c>.</summary>
public sealed record PlantNoiseStep(string Field, string Store, string Into, double Share, long Seed) : StudyPrepareStep(Field);

/// <summary>
/// <c>{"train": "teacher-a", "set": {path: value}}</c>: the study's base with the paths set, trained as run
/// <c>&lt;study&gt;-&lt;train&gt;</c> (a cross-fitted teacher, say).
/// </summary>
public sealed record TrainRunStep(string Field, string Name, IReadOnlyList<KeyValuePair<string, JsonNode?>> Sets) : StudyPrepareStep(Field);
