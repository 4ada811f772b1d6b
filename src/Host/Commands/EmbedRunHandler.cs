using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Interop;
using static TorchSharp.torch;

namespace ClipHost.Host.Commands;

/// <summary>
/// Takes the checkpoint's model loaded on the CPU (<see cref="LoadedCheckpoints"/>) and embeds the request's images or texts (unit length, as the evaluations
/// compare them); writes them to the output file or returns them. No input decodes: refused naming the first reason.
/// </summary>
public sealed class EmbedRunHandler(RunStore runs, LoadedCheckpoints checkpoints) : ICommandHandler<EmbedRunCommand, RunEmbedding>
{
    public async ValueTask<RunEmbedding> Handle(EmbedRunCommand command, CancellationToken cancellationToken)
    {
        var checkpoint = RunCheckpoints.Find(runs.DirectoryOf(command.RunId), command.Step).Folder!;
        return await RunConfig.OnTorchThread(() => checkpoints.Use(checkpoint, loaded =>
        {
            var (model, encoder) = (loaded.Model, loaded.Encoder);
            var (rows, names, skipped) = ImageInputs(command) is { } images
                ? Embedder.Images(encoder, images, model.Config.Vision.ImageSize)
                : Texts(encoder, command.Texts ?? EmbeddingInputs.TextLines(command.TextFile!).Texts!);
            using (rows)
            {
                if (names.Count == 0)
                {
                    throw new OptionsValidationFailedException([new OptionError("images", $"none of the {skipped.Count} images decodes; the first: {skipped[0].Name}: {skipped[0].Reason}")]);
                }
                if (command.Output is { } output)
                {
                    EmbeddingFile.Write(Path.GetFullPath(output), rows, names);
                }
                float[][]? inline = command.Output is null ? [.. rows.contiguous().data<float>().ToArray().Chunk(model.EmbedDim)] : null;
                return new RunEmbedding(command.RunId, checkpoint, names.Count, model.EmbedDim, names, [.. skipped.Select(s => new SkippedInput(s.Name, s.Reason))], command.Output, inline);
            }
        })).ConfigureAwait(false);
    }

    private static IEnumerable<(string Name, ImageInput Input)>? ImageInputs(EmbedRunCommand command) => command switch
    {
        { ImageFolder: { } folder } => EmbeddingInputs.ImageFiles(folder).Files!.Select(f => (Path.GetFileName(f), (ImageInput)new ImageInput.File(f))),
        { Images: { } images } => images.Select(i => (i.Name, (ImageInput)new ImageInput.Encoded(i.Bytes))),
        _ => null,
    };

    private static (Tensor Rows, List<string> Names, List<(string Name, string Reason)> Skipped) Texts(EmbeddingEncoder encoder, IReadOnlyList<string> texts) =>
        (encoder.Texts(texts), [.. texts], []);
}
