namespace ClipHost.Engine.Studies;

/// <summary>One cell of a study: its name, its run (&lt;study&gt;-&lt;cell&gt;), its label on each axis (by axis key), and its experiment.</summary>
public sealed record StudyCell(string Cell, string RunId, IReadOnlyDictionary<string, string> Values, string ExperimentJson);
