namespace ClipHost.Host.Studies;

/// <summary>
/// A started study as every host sees it: its axes and its cells' runs. The cells' progress is not kept here but read
/// from their runs' records, so the study's state is never out of step with them. Kept as runs/.studies/&lt;name&gt;.json.
/// </summary>
/// <param name="Name">The study's name.</param>
/// <param name="Source">Who started it: "cli", "api", "dashboard:&lt;file&gt;".</param>
/// <param name="SubmittedAt">When it was (last) started.</param>
/// <param name="Axes">Axis keys, in order: a config path ("training.seed"), or an axis name when it sets several paths.</param>
/// <param name="Cells">Its cells.</param>
/// <param name="Precision">What `training.precision: auto` resolved to for all its cells, and why; null when every cell names its own.</param>
public sealed record StudyRecord(string Name, string Source, DateTimeOffset SubmittedAt, IReadOnlyList<string> Axes, IReadOnlyList<StudyRecordCell> Cells, Engine.Precision.PrecisionChoice? Precision = null);

/// <param name="Cell">The cell's name (axis-label pairs).</param>
/// <param name="RunId">Its run.</param>
/// <param name="Values">Its label on each axis, by axis key.</param>
public sealed record StudyRecordCell(string Cell, string RunId, IReadOnlyDictionary<string, string> Values);
