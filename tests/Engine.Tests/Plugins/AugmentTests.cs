using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using ClipHost.Plugins.Strategies.Augment;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Plugins;

/// <summary>CLIP + data augmentation: caption token ops by hand, views only while training, validation, training.</summary>
public sealed class AugmentTests(EmojiStoreFixture data)
{
    private static readonly EncoderCapabilities Vit = new("vit", HasPatchTokens: true, 16);

    private static readonly long[][] Captions =
    [
        [1, 10, 11, 12, 13, 2, 0, 0],
        [1, 20, 21, 2, 0, 0, 0, 0],
        [1, 30, 2, 0, 0, 0, 0, 0],
        [1, 40, 41, 42, 43, 44, 45, 2],
    ];

    private static Tensor Tokens() => tensor(Captions.SelectMany(r => r).ToArray(), [Captions.Length, 8]);

    private static long[] Row(Tensor t, int i) => t[i].data<long>().ToArray();

    [Fact]
    public void Deletion_KeepsStartEndAndOrder_DropsOnlyContent_AndNeverEmptiesACaption()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(5, CPU);
        var deleted = CaptionAugmentation.Delete(Tokens(), 0.9, generator);
        for (var i = 0; i < Captions.Length; i++)
        {
            var original = Captions[i].Where(x => x != 0).ToArray();
            var row = Row(deleted, i);
            var kept = row.Where(x => x != 0).ToArray();
            Assert.Equal(1, kept[0]);
            Assert.Equal(2, kept[^1]);
            Assert.True(kept.Length >= 3, $"caption {i} lost every word: {string.Join(",", row)}");
            // Padding only after the end token, and the kept words in their original order.
            Assert.All(row.Skip(kept.Length), x => Assert.Equal(0, x));
            var content = original[1..^1].ToList();
            Assert.Equal(kept[1..^1], content.Where(kept[1..^1].Contains));
        }
        Assert.True(Enumerable.Range(0, Captions.Length).Any(i => Row(deleted, i).Count(x => x != 0) < Captions[i].Count(x => x != 0)), "p = 0.9 deleted nothing");
    }

    [Fact]
    public void Swaps_ExchangeOneNeighbouringContentPair_AndLeaveShortCaptionsAlone()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(9, CPU);
        var swapped = CaptionAugmentation.Swap(Tokens(), 1, generator);
        for (var i = 0; i < Captions.Length; i++)
        {
            var row = Row(swapped, i);
            var changed = Enumerable.Range(0, 8).Where(j => row[j] != Captions[i][j]).ToArray();
            var contentCount = Captions[i].Count(x => x > 2);
            if (contentCount < 2)
            {
                Assert.Empty(changed);
                continue;
            }
            Assert.Equal(2, changed.Length);
            Assert.Equal(changed[0] + 1, changed[1]);
            Assert.True(changed[0] >= 1 && changed[1] <= contentCount, $"swap left the content: {string.Join(",", row)}");
            Assert.Equal((Captions[i][changed[0]], Captions[i][changed[1]]), (row[changed[1]], row[changed[0]]));
        }
    }

    [Fact]
    public void CaptionOps_AreDeterministicPerSeed_AndDifferAcrossSeeds()
    {
        long[] Draw(ulong seed)
        {
            using var scope = NewDisposeScope();
            using var g = new Generator(seed, CPU);
            var long4 = tensor(Enumerable.Range(0, 16).SelectMany(_ => new long[] { 1, 4, 5, 6, 7, 8, 9, 10, 11, 2 }).ToArray(), [16, 10]);
            return CaptionAugmentation.Swap(CaptionAugmentation.Delete(long4, 0.3, g), 2, g).data<long>().ToArray();
        }
        Assert.Equal(Draw(1), Draw(1));
        Assert.NotEqual(Draw(1), Draw(2));
        var rows = Draw(3).Chunk(10).Select(r => string.Join(",", r)).Distinct().Count();
        Assert.True(rows > 1, "every caption got the same augmentation");
    }

    [Theory]
    [InlineData("cropFlip")]
    [InlineData("randAugment")]
    [InlineData("stackedRandAugment")]
    public void Views_AreAugmentedWhileTraining_TheBaseImagesAtEvaluation_AtClipsCost(string policy)
    {
        var tiny = TinyExperiments.Tiny("augment-steps", samples: 64);
        using var model = ModelFactory.Build(tiny.Model, 0, StaticRegistry.Instance);
        model.eval();
        var context = new StrategyContext(Vit, model.Visual.FeatureDim, 16, CPU, 0, NoServices.Instance);
        using var augment = new AugmentStrategyFactory().Create(JsonDocument.Parse($$"""{"policy": "{{policy}}"}""").RootElement, context);
        using var clip = StaticRegistry.Instance.FindStrategy("clip")!.Create(null, context);
        using var scope = NewDisposeScope();
        random.manual_seed(2);
        var raw = randint(0, 256, [4, 16, 16, 3], dtype: ScalarType.Byte);
        var images = ClipHost.Modules.ClipNormalization.Normalize(raw.permute(0, 3, 1, 2).to_type(ScalarType.Float32) / 255f);
        var batch = new ClipBatch(images, raw, randint(4, 500, [4, 12]), [0, 1, 2, 3]);
        using var generator = new Generator(0, CPU);
        float Loss(ITrainingStrategy s, bool training) => s.ComputeLoss(batch, model, new StepContext(0, 10, generator, training)).Loss.item<float>();

        Assert.Equal(Loss(clip, training: false), Loss(augment, training: false), 6);
        Assert.NotEqual(Loss(clip, training: true), Loss(augment, training: true), 4);
        Assert.Equal([new ImagePass(4, 16)], augment.ComputeLoss(batch, model, new StepContext(0, 10, generator, true)).ImagePasses);
    }

    [Fact]
    public void OptionsOutOfRange_AreRefusedNamingTheField()
    {
        var factory = new AugmentStrategyFactory();
        string Field(string json) => Assert.Single(factory.Validate(JsonDocument.Parse(json).RootElement, Vit, "strategy.options")).Field;
        Assert.Equal("strategy.options.minScale", Field("""{"minScale": 0.9, "maxScale": 0.5}"""));
        Assert.Equal("strategy.options.minScale", Field("""{"minScale": 0}"""));
        Assert.Equal("strategy.options.m", Field("""{"m": 31}"""));
        Assert.Equal("strategy.options.n", Field("""{"n": -1}"""));
        Assert.Equal("strategy.options.n", Field("""{"policy": "cropFlip", "n": 3}"""));
        Assert.Equal("strategy.options.captionDeletion", Field("""{"captionDeletion": 1}"""));
        Assert.Equal("strategy.options.policy", Field("""{"policy": "autoAugment"}"""));
        Assert.Empty(factory.Validate(null, new EncoderCapabilities("convnext", HasPatchTokens: false, 0), "strategy.options"));
    }

    [Fact]
    public void ShortCropFlipTraining_WithCaptionAugmentation_OnRealEmoji_LossFalls()
    {
        using var runs = new TempDir();
        var tiny = TinyExperiments.Tiny("augment-falls", samples: 64 * 200);
        var config = tiny with { Strategy = new StrategyConfig { Id = "augment", Options = JsonDocument.Parse("""{"policy": "cropFlip", "captionDeletion": 0.1, "captionSwaps": 1}""").RootElement } };
        var options = new TrainRunOptions { Layout = TestLayout.Of(data.StoresRoot, runs.Path), Device = CPU };
        var result = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(config, options, null, TestContext.Current.CancellationToken);
        RunMetrics.AssertFalls(RunMetrics.Losses(result.RunDirectory), by: 0.4);
        Assert.Equal(result.Compute.ImageForwardGflopsPerView, result.Compute.ImageForwardGflopsPerSample, 9);
    }
}
