using CsCheck;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>One thing fuzzed: how its cases are generated, laid out on disk and run, and how long one may take.</summary>
public interface IFuzzTarget
{
    /// <summary>Names the target in figures and its corpus folder (Corpus/&lt;name&gt;/).</summary>
    string Name { get; }

    Gen<FuzzCase> Cases { get; }

    /// <summary>A case still running after this is a hang (a finding), not a slow pass.</summary>
    TimeSpan PerCase { get; }

    /// <summary>Writes the case's inputs under <see cref="Sandbox.In"/>; not timed, and not an escape.</summary>
    void Setup(FuzzCase input, Sandbox sandbox);

    /// <summary>Feeds the inputs to the code under test and judges what came back.</summary>
    Outcome Execute(FuzzCase input, Sandbox sandbox, CancellationToken cancellationToken);
}
