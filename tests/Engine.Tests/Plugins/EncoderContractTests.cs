using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Plugins;

/// <summary>
/// What every architecture plugin must do, run once per family by its subclass: pooled features of the declared
/// width, gradients to every parameter, seeded initialisation, a state-dict round trip, no tensors left behind, a
/// compute count equal to the count from the real modules, and a short CLIP training on real emoji whose loss falls.
/// </summary>
public abstract class EncoderContractTests(EmojiStoreFixture data)
{
    protected abstract IImageEncoderFactory Factory { get; }

    /// <summary>A small configuration for 16 px images.</summary>
    protected abstract string SmallOptions { get; }

    /// <summary>A configuration for the 16 px emoji training.</summary>
    protected abstract string TrainingOptions { get; }

    protected abstract int SmallFeatureDim { get; }

    /// <summary>Peak learning rate of the emoji training; null for the tiny experiment's own.</summary>
    protected virtual double? TrainingLearningRate => null;

    private JsonElement Small => JsonDocument.Parse(SmallOptions).RootElement;

    private static ImageEncoderContext Context => new(16, 3, 0);

    [Fact]
    public void Encoder_GivesPooledFeatures_AndGradientsReachEveryParameter()
    {
        Assert.Empty(Factory.Validate(Small, Context, "o"));
        using var encoder = Factory.Create(Small, Context);
        using var scope = NewDisposeScope();
        var features = encoder.call(randn(3, 3, 16, 16));
        Assert.Equal([3, SmallFeatureDim], features.shape);
        Assert.Equal(SmallFeatureDim, encoder.FeatureDim);
        features.pow(2).sum().backward();
        foreach (var (name, parameter) in encoder.named_parameters())
        {
            Assert.True(parameter.grad is { } g && g.abs().sum().item<float>() > 0, $"{name} got no gradient");
        }
    }

    [Fact]
    public void SameSeed_SameWeights_AndAStateDictRoundTripGivesTheSameOutputs()
    {
        random.manual_seed(5);
        using var a = Factory.Create(Small, Context);
        random.manual_seed(5);
        using var b = Factory.Create(Small, Context);
        random.manual_seed(6);
        using var c = Factory.Create(Small, Context);
        using var scope = NewDisposeScope();
        a.eval();
        b.eval();
        c.eval();
        var input = randn(2, 3, 16, 16);
        Assert.True(a.call(input).allclose(b.call(input), rtol: 0, atol: 0));
        Assert.False(a.call(input).allclose(c.call(input), rtol: 0, atol: 0));

        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "encoder.bin");
        a.save(path);
        c.load(path);
        Assert.True(a.call(input).allclose(c.call(input), rtol: 0, atol: 0));
    }

    [Fact]
    public void RepeatedForwardPasses_LeaveNoTensorsBehind()
    {
        using var encoder = Factory.Create(Small, Context);
        using var input = randn(2, 3, 16, 16);
        using (no_grad())
        {
            encoder.call(input).Dispose();
            var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            for (var i = 0; i < 20; i++)
            {
                encoder.call(input).Dispose();
            }
            Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }
    }

    [Fact]
    public void ForwardMacs_EqualsTheCountFromTheRealModules()
    {
        using var encoder = Factory.Create(Small, Context);
        using var scope = NewDisposeScope();
        var images = randn(1, 3, 16, 16);
        Assert.Equal(encoder.ForwardMacs(16), MacCounter.Count(encoder, () => encoder.call(images)));
    }

    [Fact]
    public void ShortClipTraining_OnRealEmoji_LossFalls()
    {
        using var runs = new TempDir();
        var tiny = TinyExperiments.Tiny($"{Factory.Id}-falls", samples: 64 * 200);
        var config = tiny with
        {
            Model = tiny.Model with { Vision = tiny.Model.Vision with { Architecture = Factory.Id, Options = JsonDocument.Parse(TrainingOptions).RootElement } },
            Training = tiny.Training with { LearningRate = TrainingLearningRate ?? tiny.Training.LearningRate },
        };
        var options = new TrainRunOptions { Layout = TestLayout.Of(data.StoresRoot, runs.Path), Device = CPU };
        var result = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(config, options, null, TestContext.Current.CancellationToken);
        RunMetrics.AssertFalls(RunMetrics.Losses(result.RunDirectory), by: 0.5);
    }
}
