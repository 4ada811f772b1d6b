using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Text;
using ClipHost.Engine.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Evaluation;

/// <summary>A study's runs share one tokenizer when they declare its source, whatever their own training subset.</summary>
public sealed class SharedVocabularyTests(EmojiStoreFixture data)
{
    private TrainRunOptions Options(string runs) => new() { Layout = TestLayout.Of(data.StoresRoot, runs), Device = CPU };

    private static ExperimentConfig OnSubset(string name, SampleSelection train, VocabularyConfig? vocabulary)
    {
        var config = TinyExperiments.Tiny(name, samples: 64 * 2);
        return config with
        {
            Data = config.Data with { Train = train },
            Model = config.Model with { Text = config.Model.Text with { Vocabulary = vocabulary } },
        };
    }

    private IReadOnlyList<int> TrainedVocabulary(ExperimentConfig config, string runs)
    {
        var result = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(config, Options(runs), null, TestContext.Current.CancellationToken);
        return ClipTokenizer.Load(Path.Combine(result.Checkpoint, CheckpointStore.Tokenizer)).Vocabulary;
    }

    [Fact]
    public void Train_TwoSubsetsWithTheSameDeclaredStore_HaveIdenticalVocabularies()
    {
        using var runs = new TempDir();
        var source = new VocabularyConfig { Store = EmojiStoreFixture.Store, Split = "train" };
        var twitterTrain = new SampleSelection { Split = "train", Only = new Dictionary<string, string[]> { ["style"] = ["twitter"] } };
        var googleVal = new SampleSelection { Split = "val", Only = new Dictionary<string, string[]> { ["style"] = ["google"] } };

        var a = TrainedVocabulary(OnSubset("subset-a", twitterTrain, source), runs.Path);
        var b = TrainedVocabulary(OnSubset("subset-b", googleVal, source), runs.Path);
        var own = TrainedVocabulary(OnSubset("subset-own", googleVal, null), runs.Path);

        Assert.Equal(a, b);
        // Without a declared source the run's own captions decide, as before: a smaller split knows fewer tokens.
        Assert.NotEqual(a, own);
    }

    [Fact]
    public void Validate_VocabularyFromAMissingStoreOrAFileOutsideItsRoot_IsRefusedNamingTheField()
    {
        using var runs = new TempDir();
        var validator = new ExperimentValidator(StaticRegistry.Instance, TestLayout.Of(data.StoresRoot, runs.Path));
        var train = new SampleSelection { Split = "train" };

        var missing = validator.Validate(OnSubset("v", train, new VocabularyConfig { Store = "nope" }));
        var escaping = validator.Validate(OnSubset("v", train, new VocabularyConfig { File = "../stores/emoji/manifest.json" }));
        var both = validator.Validate(OnSubset("v", train, new VocabularyConfig { Store = "emoji", File = "t.json" }));

        Assert.Equal("model.text.vocabulary.store", Assert.Single(missing).Field);
        Assert.Contains("lies outside", Assert.Single(escaping, e => e.Field == "model.text.vocabulary.file").Message, StringComparison.Ordinal);
        Assert.Equal("model.text.vocabulary.store", Assert.Single(both).Field);
    }
}
