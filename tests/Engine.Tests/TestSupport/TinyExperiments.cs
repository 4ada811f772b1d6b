using System.Text.Json;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>Tiny experiments on the fixture's emoji store: small enough for a 2-core CI, real enough to learn.</summary>
public static class TinyExperiments
{
    /// <summary>The config's model with its seed's weights, as a run builds it.</summary>
    public static ClipModel BuildModel(ExperimentConfig config) => ModelFactory.Build(config.Model, config.Training.Seed, StaticRegistry.Instance);

    public static ExperimentConfig Tiny(string name, long samples, int batch = 64, long seed = 0) => new()
    {
        Name = name,
        Data = new DataConfig
        {
            Store = EmojiStoreFixture.Store,
            Train = new SampleSelection { Split = "train", Except = new Dictionary<string, string[]> { ["style"] = ["google"] } },
        },
        Model = new ClipModelConfig
        {
            EmbedDim = 32,
            Vision = new ImageTowerConfig
            {
                Architecture = "vit",
                ImageSize = 16,
                Options = JsonDocument.Parse("""{"patchSize": 4, "width": 64, "depth": 2, "heads": 2}""").RootElement,
            },
            Text = new TextConfig { ContextLength = 12, VocabSize = 512, Width = 64, Layers = 1, Heads = 2, MlpWidth = 128 },
        },
        Training = new TrainingConfig
        {
            BatchSize = batch,
            LearningRate = 5e-3,
            WeightDecay = 0.1,
            Budget = new BudgetConfig { Samples = samples },
            Seed = seed,
            CheckpointEvery = 1000,
        },
        Evaluations =
        [
            new EvaluationConfig { Name = "emoji-google", Task = "zeroshot_classification", Store = EmojiStoreFixture.Store, Samples = new SampleSelection { Only = new Dictionary<string, string[]> { ["style"] = ["google"] } }, Labels = "category", TemplateSet = "emoji" },
            new EvaluationConfig { Name = "emoji-pairs", Task = "zeroshot_retrieval", Store = EmojiStoreFixture.Store, Samples = new SampleSelection { Split = "test", Except = new Dictionary<string, string[]> { ["style"] = ["google"] } } },
        ],
    };
}
