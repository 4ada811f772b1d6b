namespace ClipHost.Host.Options;

/// <summary>The "Experiments" section: name → declared experiment, each registered as a recurring job "experiment:&lt;name&gt;".</summary>
public sealed class ExperimentsOptions : Dictionary<string, DeclaredExperiment>
{
    public const string SectionName = "Experiments";

    public ExperimentsOptions()
        : base(StringComparer.Ordinal)
    {
    }
}
