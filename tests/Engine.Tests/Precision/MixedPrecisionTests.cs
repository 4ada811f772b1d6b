using System.Text.Json;
using ClipHost.Engine.Model;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using ClipHost.Modules;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using PrecisionSetting = ClipHost.Engine.Experiments.Precision;

namespace ClipHost.Engine.Tests.Precision;

public sealed class MixedPrecisionTests(EmojiStoreFixture data)
{
    private static ExperimentConfig Bf16(ExperimentConfig c) => c with { Training = c.Training with { Precision = PrecisionSetting.Bf16Mixed } };

    [Fact]
    public void Apply_PutsMatmulsInBf16_AndNormsEmbeddingsAndScaleInFp32()
    {
        using var model = TinyExperiments.BuildModel(TinyExperiments.Tiny("dtype", 64));
        var policy = MixedPrecision.Apply(PrecisionSetting.Bf16Mixed, ModelFactory.Roots(model, null));

        foreach (var (name, module) in model.named_modules())
        {
            var expected = module is Linear or Conv2d ? ScalarType.BFloat16 : ScalarType.Float32;
            foreach (var (p, parameter) in module.named_parameters(recurse: false))
            {
                Assert.True(parameter.dtype == expected, $"{name}.{p} is {parameter.dtype}, expected {expected}");
            }
        }
        Assert.Equal(ScalarType.Float32, model.LogitScale.dtype);

        // Watch the real ops: a Linear computes on bf16 input, a LayerNorm outside the transformer blocks on fp32 (inside,
        // Bf16RegionTests), attention in bf16, and the towers hand fp32 embeddings to the loss.
        var seen = new List<(string Kind, ScalarType Input)>();
        var removers = new List<Action>();
        foreach (var (_, module) in model.named_modules().Where(m => m.module is Linear || !m.name.Contains(".resblocks.", StringComparison.Ordinal)))
        {
            switch (module)
            {
                case Linear linear:
                    removers.Add(linear.register_forward_hook((_, input, output) => { seen.Add(("linear", input.dtype)); return output; }).remove);
                    break;
                case LayerNorm norm:
                    removers.Add(norm.register_forward_hook((_, input, output) => { seen.Add(("norm", input.dtype)); return output; }).remove);
                    break;
            }
        }
        using var scope = NewDisposeScope();
        var (image, text) = model.call(randn(2, 3, 16, 16), Tokens());
        removers.ForEach(r => r());
        Assert.Equal(ScalarType.Float32, image.dtype);
        Assert.Equal(ScalarType.Float32, text.dtype);
        Assert.All(seen.Where(s => s.Kind == "linear"), s => Assert.Equal(ScalarType.BFloat16, s.Input));
        Assert.All(seen.Where(s => s.Kind == "norm"), s => Assert.Equal(ScalarType.Float32, s.Input));
        Assert.Contains(seen, s => s.Kind == "linear");
        Assert.Contains(seen, s => s.Kind == "norm");
        Assert.True(policy.ConvertedParameters > 0);
    }

    [Fact]
    public void TrainingStep_UpdatesFp32Masters_AndCopiesThemIntoTheBf16Weights()
    {
        var config = TinyExperiments.Tiny("masters", 64);
        using var model = TinyExperiments.BuildModel(config);
        var policy = MixedPrecision.Apply(PrecisionSetting.Bf16Mixed, ModelFactory.Roots(model, null));
        var trainable = policy.Trainable(model.named_parameters().Select(p => (p.name, p.parameter))).ToList();
        Assert.All(trainable, p => Assert.Equal(ScalarType.Float32, p.Parameter.dtype));
        var before = trainable.ToDictionary(p => p.Name, p => p.Parameter.detach().clone());
        using var optimizer = ClipOptimizer.Create(trainable, config.Training);

        using (NewDisposeScope())
        {
            var (image, text) = model.call(randn(4, 3, 16, 16), Tokens(4));
            ClipOptimizer.Step(optimizer, ContrastiveLoss.Symmetric(image, text, model.LogitScale), model, policy);
        }

        var state = model.state_dict();
        foreach (var (name, master) in trainable)
        {
            Assert.Equal(ScalarType.Float32, master.dtype);
            Assert.False(master.eq(before[name]).all().item<bool>(), $"{name} did not move");
            var compute = state[name];
            Assert.True(compute.to_type(ScalarType.Float32).eq(master.to_type(compute.dtype).to_type(ScalarType.Float32)).all().item<bool>(), name);
        }
    }

    [Fact]
    public void Train_Bf16Mixed_OnRealEmoji_LossFalls_AndCheckpointIsFp32()
    {
        using var runs = new TempDir();
        var result = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(
            Bf16(TinyExperiments.Tiny("bf16", samples: 64 * 300)), Options(runs.Path), null, TestContext.Current.CancellationToken);

        var losses = File.ReadLines(Path.Combine(result.RunDirectory, "metrics.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("loss").GetDouble()).ToList();
        Assert.True(losses.TakeLast(5).Average() < 0.8 * Math.Log(64), string.Join(" ", losses));
        Assert.True(losses.TakeLast(5).Average() < losses.Take(3).Average() - 0.6, string.Join(" ", losses));
        var weights = SafeTensors.Load(Path.Combine(result.Checkpoint, CheckpointStore.Weights), out _);
        Assert.All(weights, kv => Assert.True(kv.Value.dtype == ScalarType.Float32, $"{kv.Key} saved as {kv.Value.dtype}"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Checkpoint_FromOnePrecision_ResumesInTheOther(bool startInBf16)
    {
        using var runs = new TempDir();
        var fp32 = TinyExperiments.Tiny("cross", samples: 64 * 8, seed: 2);
        var (first, second) = startInBf16 ? (Bf16(fp32), fp32) : (fp32, Bf16(fp32));
        var trainer = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance);

        var stopped = trainer.Train(first, Options(runs.Path, stopAfter: 4), null, TestContext.Current.CancellationToken);
        var resumed = trainer.Train(second, Options(runs.Path), null, TestContext.Current.CancellationToken);

        Assert.Equal(4, stopped.State.Step);
        Assert.True(resumed.Completed);
        Assert.Equal(8, resumed.State.Step);
        Assert.True(resumed.State.Loss is { } loss && double.IsFinite(loss) && loss < Math.Log(64) + 0.5);
    }

    private TrainRunOptions Options(string runs, long? stopAfter = null) => new()
    {
        Layout = TestLayout.Of(data.StoresRoot, runs),
        Device = CPU,
        StopAfterSteps = stopAfter,
    };

    private static Tensor Tokens(int n = 2)
    {
        var rows = new long[n * 12];
        for (var i = 0; i < n; i++)
        {
            rows[i * 12] = 1;
            rows[(i * 12) + 1] = 5 + i;
            rows[(i * 12) + 2] = 2;
        }
        return tensor(rows, [n, 12]);
    }
}
