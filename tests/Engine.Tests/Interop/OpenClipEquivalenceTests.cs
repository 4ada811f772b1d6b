using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Interop;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Text;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Interop;

/// <summary>
/// The export, proved outside .NET: a trained run exported in open_clip's layout is loaded (strictly: every key, every
/// shape) into a PyTorch CLIP written for this test from reading open_clip's model code (open_clip_reference.py,
/// Debian's python3-torch), and embeds the same real emoji and captions as ClipHost does, within 1e-4: a ViT, a ResNet
/// (whose visual projection the export folds into the attention pool's output projection), and ConvNeXt, Swin and Mixer
/// towers as open_clip builds them through timm (timm_reference.py, written from reading timm's model code).
/// </summary>
public sealed class OpenClipEquivalenceTests(EmojiStoreFixture data)
{
    [Fact]
    public void ATrainedViTRun_EmbedsRealSamplesInPyTorch_AsInClipHost() => AssertEquivalent(EmojiTeacher.Checkpoint(data));

    /// <summary>A ResNet run (open_clip's stem of stride 4, so 32 px images) trained 20 steps: BatchNorm's running statistics are real.</summary>
    [Fact]
    public void ATrainedResNetRun_EmbedsRealSamplesInPyTorch_AsInClipHost() =>
        AssertEquivalent(Trained("resnet", """{"width": 8, "layers": [1, 1, 1, 1], "stemStride": 4, "heads": 2}""", steps: 20));

    /// <summary>The mini ConvNeXt as open_clip's TimmModel over timm's convnext_tiny with its depths, dims and stem patch replaced.</summary>
    [Fact]
    public void ATrainedConvNextRun_EmbedsRealSamplesInPyTorch_AsTimmThroughOpenClip() =>
        AssertEquivalent(Trained("convnext", """{"preset": "mini"}""", steps: 10));

    /// <summary>The mini Swin at 32 px: stage maps 16, 8, 4, 2 with window 4, so two stages shift their windows under the mask and two shrink them.</summary>
    [Fact]
    public void ATrainedSwinRun_EmbedsRealSamplesInPyTorch_AsTimmThroughOpenClip() =>
        AssertEquivalent(Trained("swin", """{"preset": "mini"}""", steps: 10));

    /// <summary>Mixer-S/16 (timm's mixer_s16_224 at 32 px: four tokens), the one kind of size timm names a Mixer by.</summary>
    [Fact]
    public void ATrainedMixerRun_EmbedsRealSamplesInPyTorch_AsTimmThroughOpenClip() =>
        AssertEquivalent(Trained("mixer", """{"preset": "S/16", "patchSize": 16}""", steps: 2));

    private string Trained(string architecture, string options, int steps)
    {
        var tiny = TinyExperiments.Tiny($"{architecture}-export", samples: 64 * steps, seed: 1);
        var config = tiny with
        {
            Model = tiny.Model with
            {
                Vision = new ImageTowerConfig { Architecture = architecture, ImageSize = 32, Options = System.Text.Json.JsonDocument.Parse(options).RootElement },
            },
        };
        var runOptions = new ClipHost.Engine.Training.TrainRunOptions { Layout = TestLayout.Of(data.StoresRoot, data.RunsRoot), Device = CPU };
        return new ClipHost.Engine.Training.Trainer(StaticRegistry.Instance, Microsoft.Extensions.Logging.Abstractions.NullLogger<ClipHost.Engine.Training.Trainer>.Instance)
            .Train(config, runOptions, null, TestContext.Current.CancellationToken).Checkpoint;
    }

    private void AssertEquivalent(string checkpoint)
    {
        using var dir = new TempDir();
        using var model = CheckpointStore.LoadModel(checkpoint, StaticRegistry.Instance, CPU);
        var tokenizer = ClipTokenizer.Load(Path.Combine(checkpoint, CheckpointStore.Tokenizer));
        using var store = ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));
        int[] ids = [.. Enumerable.Range(0, store.Count).Where(i => store.GetSample(i).Split == "test").Take(24)];
        using var batcher = new ImageBatcher(store, model.Config.Vision.ImageSize, CPU);
        using var raw = batcher.Raw(ids);
        using var images = batcher.Normalised(raw).contiguous();
        using var tokens = tokenizer.EncodeBatch([.. ids.Select(i => store.GetSample(i).Captions[0])], CPU);
        Tensor imageEmbeddings, textEmbeddings;
        using (no_grad())
        {
            imageEmbeddings = model.EncodeImage(images);
            textEmbeddings = model.EncodeText(tokens);
        }
        var export = dir.Combine("open_clip");
        OpenClipExport.Write(model, checkpoint, export);
        SafeTensors.Save(dir.Combine("inputs.safetensors"), [new("images", images), new("tokens", tokens)]);

        var (exit, output) = DebianPython.Run(Path.Combine(AppContext.BaseDirectory, "Interop", "open_clip_reference.py"), export, dir.Combine("inputs.safetensors"), dir.Combine("outputs.safetensors"));

        Assert.True(exit == 0, output);
        var outputs = SafeTensors.Load(dir.Combine("outputs.safetensors"), out _);
        using var theirImages = outputs["image_embeddings"];
        using var theirTexts = outputs["text_embeddings"];
        Assert.Equal(imageEmbeddings.shape, theirImages.shape);
        Assert.Equal(textEmbeddings.shape, theirTexts.shape);
        var imageGap = (imageEmbeddings - theirImages).abs().max().item<float>();
        var textGap = (textEmbeddings - theirTexts).abs().max().item<float>();
        Assert.True(imageGap < 1e-4, $"image embeddings differ by up to {imageGap:E2}");
        Assert.True(textGap < 1e-4, $"text embeddings differ by up to {textGap:E2}");
        // Not a vacuous match: the embeddings are far from zero and differ between samples.
        Assert.True(imageEmbeddings.abs().mean().item<float>() > 1e-2);
        Assert.True((textEmbeddings[0] - textEmbeddings[1]).abs().max().item<float>() > 1e-3);
        imageEmbeddings.Dispose();
        textEmbeddings.Dispose();
        foreach (var t in outputs.Values)
        {
            t.Dispose();
        }
    }
}
