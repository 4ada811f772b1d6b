namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>What one case did. Accepted and Rejected pass; every other verdict is a finding.</summary>
public enum Verdict
{
    /// <summary>Imported or parsed; every skipped sample named with its reason.</summary>
    Accepted,

    /// <summary>Refused as a whole with a message naming the field or the file.</summary>
    Rejected,

    /// <summary>An exception other than the documented refusals.</summary>
    Crash,

    /// <summary>Did not finish within the per-case limit.</summary>
    Hang,

    /// <summary>Wrote (or deleted, or resolved a path) outside the case's own root.</summary>
    Escape,

    /// <summary>Refused or skipped without naming what is wrong.</summary>
    Unnamed,
}
