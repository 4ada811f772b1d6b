using System.Diagnostics;
using ClipHost.Engine.Model;
using ClipHost.Engine.Precision;
using static TorchSharp.torch;

namespace ClipHost.Engine.Benchmarks;

/// <summary>Image and text embeddings per second of one model in one precision, as evaluation encodes them.</summary>
public sealed record EmbeddingBenchResult(Experiments.Precision Precision, int BatchSize, int Batches, double ImagesPerSecondMedian, double TextsPerSecondMedian);

/// <summary>
/// Times the evaluation side of a model: the image and the text tower in inference mode (no gradients, eval mode,
/// the precision policy applied as the evaluator applies it) on seeded synthetic batches, median over batches, so
/// `clip-host bench --eval` says how long a zero-shot or probe evaluation will spend encoding.
/// </summary>
public static class EmbeddingBenchmark
{
    public static EmbeddingBenchResult Run(IComponentRegistry registry, ClipModelConfig config, Experiments.Precision precision, Device device, int batchSize, int batches, int warmup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var model = ModelFactory.Build(config, 0, registry);
        model.to(device);
        model.eval();
        MixedPrecision.Apply(precision, ModelFactory.Roots(model, null));
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        using var generator = new Generator(0, device);
        var images = randn([batchSize, 3, config.Vision.ImageSize, config.Vision.ImageSize], generator: generator, device: device);
        var tokens = randint(4, config.Text.VocabSize, [batchSize, config.Text.ContextLength], generator: generator, device: device);
        tokens[TensorIndex.Colon, config.Text.ContextLength - 1] = tensor(2L);
        var imageRates = Time(() => model.EncodeImage(images), batchSize, batches, warmup, cancellationToken);
        var textRates = Time(() => model.EncodeText(tokens), batchSize, batches, warmup, cancellationToken);
        return new(precision, batchSize, batches, MatmulPeak.Median(imageRates), MatmulPeak.Median(textRates));
    }

    private static List<double> Time(Func<Tensor> encode, int batchSize, int batches, int warmup, CancellationToken cancellationToken)
    {
        var rates = new List<double>();
        for (var i = 0; i < warmup + batches; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                // Reading one value waits for the whole batch on an asynchronous device.
                encode().sum().to_type(ScalarType.Float32).item<float>();
            }
            if (i >= warmup)
            {
                rates.Add(batchSize / clock.Elapsed.TotalSeconds);
            }
        }
        return rates;
    }
}
