using System.Text.Json;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Evaluation;

/// <summary>Class-name files and templates change what a trained model is asked, on the real emoji store.</summary>
public sealed class ClassNameOverrideTests(EmojiStoreFixture data)
{
    [Fact]
    public void Evaluate_NamesFromAFile_OverrideTheLabels()
    {
        using var dir = new TempDir();
        var layout = TestLayout.Of(data.StoresRoot, dir.Combine("runs")) with { Prompts = dir.Combine("prompts") };
        var config = TinyExperiments.Tiny("named", samples: 64 * 10);
        var trained = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(config, new() { Layout = layout, Device = CPU }, null, TestContext.Current.CancellationToken);
        var baseEvaluation = config.Evaluations[0] with { Labels = "subcategory", Samples = new SampleSelection { Split = "train", Only = new Dictionary<string, string[]> { ["style"] = ["twitter"] } } };
        using var store = ClipHost.Engine.Data.Store.ClipStore.Open(layout.Store(EmojiStoreFixture.Store));
        var labels = store.Manifest.LabelSets[baseEvaluation.Labels!];
        // CLIP_benchmark's layout: one file keyed by dataset name, the names in label order; garbage names are one
        // word the vocabulary lacks, so every class reads the same.
        dir.Write("prompts/en_classnames.json", JsonSerializer.Serialize(new Dictionary<string, IEnumerable<string>>
        {
            ["emoji"] = labels.Select(PromptTemplates.ClassText),
            ["garbage"] = labels.Select(_ => "qxzvjk"),
        }));
        EvaluationConfig[] evaluations =
        [
            baseEvaluation with { Name = "labels" },
            baseEvaluation with { Name = "real", ClassNamesFile = new() { Path = "en_classnames.json", Key = "emoji" } },
            baseEvaluation with { Name = "garbage", ClassNamesFile = new() { Path = "en_classnames.json", Key = "garbage" } },
        ];
        Assert.Empty(new ExperimentValidator(StaticRegistry.Instance, layout).Validate(config with { Evaluations = evaluations }));

        var results = new Evaluator(StaticRegistry.Instance).Evaluate(new(trained.Checkpoint, "named", evaluations, layout, dir.Combine("eval"), CPU, ClipHost.Engine.Experiments.Precision.Fp32), TestContext.Current.CancellationToken);

        var (byLabel, real, garbage) = (results[0], results[1], results[2]);
        Assert.Equal(byLabel.Metrics, real.Metrics);
        // A model this small sits near chance either way, so what is asserted is that other names give other scores.
        Assert.NotEqual(byLabel.Metrics, garbage.Metrics);
        Assert.Equal(1.0, garbage.Vocabulary!.ClassNamesWithUnknownWords!.Count / (double)labels.Count);
        Assert.True(garbage.Vocabulary.UnknownWordRate > real.Vocabulary!.UnknownWordRate);
    }
}
