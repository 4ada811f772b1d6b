using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;

namespace ClipHost.Engine.Tests.Evaluation;

/// <summary>Bad probe evaluations are refused by the experiment validator (train, eval --config, the API), naming the field.</summary>
public sealed class ProbeConfigTests(EmojiStoreFixture data)
{
    private static readonly EvaluationConfig Good = new() { Name = "emoji", Task = "few_shot", Store = EmojiStoreFixture.Store, Labels = "category", Probe = new ProbeConfig { Shots = [1, 5] } };

    public static TheoryData<string, string> Faults => new()
    {
        { "unknown task", "evaluations[0].task" },
        { "k above the smallest class", "evaluations[0].probe.shots" },
        { "missing label set", "evaluations[0].labels" },
        { "missing split", "evaluations[0].probe.val" },
        { "split in samples", "evaluations[0].samples.split" },
        { "unknown features", "evaluations[0].probe.features" },
        { "same split twice", "evaluations[0].probe.test" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Validate_BadProbe_NamesTheField(string fault, string field)
    {
        var bad = fault switch
        {
            "unknown task" => Good with { Task = "linear_probes" },
            "k above the smallest class" => Good with { Probe = Good.Probe with { Shots = [1, 5000] } },
            "missing label set" => Good with { Labels = "flavour" },
            "missing split" => Good with { Probe = Good.Probe with { Val = "holdout" } },
            "split in samples" => Good with { Samples = new SampleSelection { Split = "test" } },
            "unknown features" => Good with { Probe = Good.Probe with { Features = "edges" } },
            "same split twice" => Good with { Probe = Good.Probe with { Test = "train" } },
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };

        var errors = Validator().Validate(TinyExperiments.Tiny("probe", samples: 64) with { Evaluations = [bad] });

        Assert.True(errors.Any(e => e.Field == field), $"{fault}: {string.Join("; ", errors)}");
    }

    [Fact]
    public void Validate_GoodProbes_PassWithAndWithoutAValidationSplit()
    {
        var linear = Good with { Task = "linear_probe", Probe = new ProbeConfig { Val = null, Features = "pixels" } };

        Assert.Empty(Validator().Validate(TinyExperiments.Tiny("probe", samples: 64) with { Evaluations = [Good, linear] }));
    }

    private ExperimentValidator Validator() => new(StaticRegistry.Instance, TestLayout.Of(data.StoresRoot, data.RunsRoot));
}
