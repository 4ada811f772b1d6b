using ClipHost.Abstractions.Options;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Interop;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Interop;

/// <summary>
/// model.init: a run started from a trained run's checkpoint or from its open_clip export holds exactly those weights
/// and evaluates identically; one tower can be loaded and frozen (LiT); bad sources are refused before anything is
/// written, naming the field and the tensor.
/// </summary>
public sealed class ModelInitTests(EmojiStoreFixture data)
{
    private string WeightsRoot => Path.Combine(Path.GetDirectoryName(data.StoresRoot)!, "weights");

    private ClipHost.Engine.Paths.DataLayout Layout => TestLayout.Of(data.StoresRoot, data.RunsRoot);

    private TrainResult Train(ExperimentConfig config) =>
        new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(config, new TrainRunOptions { Layout = Layout, Device = CPU }, null, TestContext.Current.CancellationToken);

    private IReadOnlyList<EvalResult> Evaluate(string checkpoint, string output) =>
        new Evaluator(StaticRegistry.Instance).Evaluate(
            new EvaluationRequest(checkpoint, "m", TinyExperiments.Tiny("m", 1).Evaluations, Layout, output, CPU, Engine.Experiments.Precision.Fp32),
            TestContext.Current.CancellationToken);

    [Fact]
    public void ARunStartedFromAnOpenClipExport_OrFromTheRun_HoldsItsWeightsAndEvaluatesIdentically()
    {
        var teacher = EmojiTeacher.Checkpoint(data);
        using var teacherModel = CheckpointStore.LoadModel(teacher, StaticRegistry.Instance, CPU);
        var export = $"teacher-oc-{Guid.NewGuid():N}";
        OpenClipExport.Write(teacherModel, teacher, Path.Combine(WeightsRoot, export));
        using var outputs = new TempDir();

        foreach (var (name, init) in new[] { ("from-open-clip", new ModelInitConfig { OpenClip = export }), ("from-run", new ModelInitConfig { Run = EmojiTeacher.RunId }) })
        {
            var tiny = TinyExperiments.Tiny($"{name}-{Guid.NewGuid():N}"[..30], samples: 0, seed: 9);
            var result = Train(tiny with { Model = tiny.Model with { Init = init } });

            Assert.True(result.Completed);
            using var started = CheckpointStore.LoadModel(result.Checkpoint, StaticRegistry.Instance, CPU);
            AssertSameWeights(teacherModel, started, _ => true);
            Assert.Equal(File.ReadAllText(Path.Combine(teacher, CheckpointStore.Tokenizer)), File.ReadAllText(Path.Combine(result.Checkpoint, CheckpointStore.Tokenizer)));
            var expected = Evaluate(teacher, outputs.Combine($"{name}-teacher"));
            var actual = Evaluate(result.Checkpoint, outputs.Combine(name));
            Assert.Equal(expected.Count, actual.Count);
            foreach (var (want, got) in expected.Zip(actual))
            {
                Assert.Equal(want.Dataset, got.Dataset);
                foreach (var (metric, value) in want.Metrics)
                {
                    // Exact, classification too: this 100-step teacher's vocabulary leaves most google class names
                    // unknown, so whole groups of classes share one embedding; they are encoded once and tie exactly
                    // (ZeroShotClassifier), however many threads a busy test process gives LibTorch's sums.
                    Assert.True(value == got.Metrics[metric], $"{name} {want.Dataset} {metric}: {value} vs {got.Metrics[metric]}");
                }
            }
        }
    }

    [Fact]
    public void AFrozenLoadedImageTower_StaysExactlyAsLoaded_WhileTheSeededTextTowerTrains()
    {
        var teacher = EmojiTeacher.Checkpoint(data);
        using var teacherModel = CheckpointStore.LoadModel(teacher, StaticRegistry.Instance, CPU);
        var tiny = TinyExperiments.Tiny($"lit-{Guid.NewGuid():N}"[..20], samples: 64 * 6, seed: 5);
        var init = new ModelInitConfig { Run = EmojiTeacher.RunId, Towers = ["visual"], Freeze = ["visual"] };

        var result = Train(tiny with { Model = tiny.Model with { Init = init } });

        using var trained = CheckpointStore.LoadModel(result.Checkpoint, StaticRegistry.Instance, CPU);
        AssertSameWeights(teacherModel, trained, key => key.StartsWith("visual", StringComparison.Ordinal));
        using var seeded = ModelFactory.Build(tiny.Model, tiny.Training.Seed, StaticRegistry.Instance);
        var text = trained.state_dict()["text.token_embedding.weight"];
        Assert.False(text.allclose(teacherModel.state_dict()["text.token_embedding.weight"], rtol: 0, atol: 0), "the text tower was loaded");
        Assert.False(text.allclose(seeded.state_dict()["text.token_embedding.weight"], rtol: 0, atol: 0), "the text tower did not train");
    }

    [Fact]
    public void BadSources_AreRefusedNamingTheFieldAndTensor_BeforeTheRunFolderExists()
    {
        var teacher = EmojiTeacher.Checkpoint(data);
        var tiny = TinyExperiments.Tiny($"bad-init-{Guid.NewGuid():N}"[..24], samples: 64);
        using var teacherModel = CheckpointStore.LoadModel(teacher, StaticRegistry.Instance, CPU);
        var export = $"narrow-{Guid.NewGuid():N}";
        OpenClipExport.Write(teacherModel, teacher, Path.Combine(WeightsRoot, export));
        var junk = $"junk-{Guid.NewGuid():N}";
        Directory.CreateDirectory(Path.Combine(WeightsRoot, junk));
        File.WriteAllText(Path.Combine(WeightsRoot, junk, OpenClipExport.Weights), "this is not a safetensors file, only text");
        foreach (var file in new[] { OpenClipExport.Config, CheckpointStore.Tokenizer })
        {
            File.Copy(Path.Combine(WeightsRoot, export, file), Path.Combine(WeightsRoot, junk, file));
        }
        var wider = tiny.Model with { Text = tiny.Model.Text with { Width = 32, MlpWidth = 64 } };

        (ExperimentConfig Config, string Field, string Says)[] cases =
        [
            (tiny with { Model = tiny.Model with { Init = new ModelInitConfig { Run = "no-such-run" } } }, "model.init.run", "no run 'no-such-run'"),
            (tiny with { Model = tiny.Model with { Init = new ModelInitConfig { Run = EmojiTeacher.RunId, Step = 7 } } }, "model.init.step", "no checkpoint at step 7"),
            (tiny with { Model = tiny.Model with { Init = new ModelInitConfig { OpenClip = "../stores" } } }, "model.init.openClip", "outside the data root's weights/"),
            (tiny with { Model = tiny.Model with { Init = new ModelInitConfig { OpenClip = junk } } }, "model.init.openClip", "not a safetensors file"),
            (tiny with { Model = wider with { Init = new ModelInitConfig { Run = EmojiTeacher.RunId } } }, "model.init.run", "tensor 'text."),
            (tiny with { Model = wider with { Init = new ModelInitConfig { OpenClip = export } } }, "model.init.openClip", "model_cfg.text_cfg.width is 64, the run's model has 32"),
            (tiny with { Model = tiny.Model with { Init = new ModelInitConfig { Run = EmojiTeacher.RunId, Towers = ["audio"] } } }, "model.init.towers", "give one or both of visual, text"),
            (tiny with { Model = tiny.Model with { Init = new ModelInitConfig { Run = EmojiTeacher.RunId, Towers = ["visual"], Freeze = ["text"] } } }, "model.init.freeze", "only loaded towers"),
            (tiny with { Training = tiny.Training with { Budget = new BudgetConfig { Samples = 0 } } }, "training.budget.samples", "trains nothing"),
        ];
        foreach (var (config, field, says) in cases)
        {
            var refused = Assert.Throws<OptionsValidationFailedException>(() => Train(config));
            var error = Assert.Single(refused.Errors, e => e.Field.Equals(field, StringComparison.OrdinalIgnoreCase));
            Assert.True(error.Message.Contains(says, StringComparison.Ordinal), $"{field}: {error.Message}");
            Assert.False(Directory.Exists(Path.Combine(data.RunsRoot, config.Name)), $"{field}: the run folder was created");
        }
    }

    [Fact]
    public void AnOpenClipResNetWhoseProjectionChangesWidth_IsRefused_ForItCannotBeUnfolded()
    {
        var tiny = TinyExperiments.Tiny($"resnet-init-{Guid.NewGuid():N}"[..26], samples: 64);
        var model = tiny.Model with { Vision = new ImageTowerConfig { Architecture = "resnet", ImageSize = 32, Options = System.Text.Json.JsonDocument.Parse("""{"width": 8, "layers": [1, 1, 1, 1], "stemStride": 4, "heads": 2}""").RootElement } };
        using var resnet = ModelFactory.Build(model, 0, StaticRegistry.Instance);
        var export = $"resnet-{Guid.NewGuid():N}";
        using var untrained = new TempDir();
        OpenClipExport.Write(resnet, untrained.Path, Path.Combine(WeightsRoot, export));

        var errors = ModelInit.Validate(model with { Init = new ModelInitConfig { OpenClip = export, Towers = ["visual"] } }, 0, StaticRegistry.Instance, Layout);

        var error = Assert.Single(errors);
        Assert.Equal("model.init.openClip", error.Field);
        Assert.True(error.Message.Contains("folds the visual projection into visual.attnpool.c_proj", StringComparison.Ordinal), error.Message);
    }

    private static void AssertSameWeights(ClipModel expected, ClipModel actual, Func<string, bool> keys)
    {
        var theirs = expected.state_dict();
        var compared = 0;
        foreach (var (key, value) in actual.state_dict().Where(kv => keys(kv.Key)))
        {
            Assert.True(value.allclose(theirs[key], rtol: 0, atol: 0), $"{key} differs from the source");
            compared++;
        }
        Assert.True(compared > 4);
    }
}
