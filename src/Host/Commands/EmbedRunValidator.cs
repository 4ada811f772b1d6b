using ClipHost.Engine.Interop;
using ClipHost.Engine.Paths;

namespace ClipHost.Host.Commands;

/// <summary>
/// The run and its checkpoint exist; exactly one input is given, bounded (<see cref="EmbeddingInputs"/>); the output,
/// when asked for, is a new .npy or .safetensors file.
/// </summary>
public sealed class EmbedRunValidator(RunStore runs) : ICommandValidator<EmbedRunCommand>
{
    public IReadOnlyList<OptionError> Validate(EmbedRunCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (RunCheckpointCheck.Error(runs, command.RunId, command.Step) is { } missing)
        {
            return [missing];
        }
        var given = (command.ImageFolder is null ? 0 : 1) + (command.TextFile is null ? 0 : 1) + (command.Texts is null ? 0 : 1) + (command.Images is null ? 0 : 1);
        if (given != 1)
        {
            return [new OptionError("images", "give exactly one input: a folder of images, a file of texts (one per line), or texts")];
        }
        if (InputError(command) is { } input)
        {
            return [input];
        }
        if (command.Output is { } output && (!EmbeddingFile.Extensions.Contains(Path.GetExtension(output).ToLowerInvariant()) || File.Exists(output) || Directory.Exists(output)))
        {
            return [new OptionError("out", $"'{output}' exists or does not end in {string.Join(" or ", EmbeddingFile.Extensions)}: give a new .npy or .safetensors file")];
        }
        return [];
    }

    private static OptionError? InputError(EmbedRunCommand command) => command switch
    {
        { ImageFolder: { } folder } => EmbeddingInputs.ImageFiles(folder).Error is { } e ? new OptionError("images", e) : null,
        { TextFile: { } file } => EmbeddingInputs.TextLines(file).Error is { } e ? new OptionError("texts", e) : null,
        { Texts: { } texts } when texts.Count == 0 || texts.Count > EmbeddingInputs.MaxItems || texts.Any(string.IsNullOrWhiteSpace) =>
            new OptionError("texts", $"give 1 to {EmbeddingInputs.MaxItems} texts, none empty"),
        { Images: { } images } when images.Count == 0 || images.Count > EmbeddingInputs.MaxItems =>
            new OptionError("images", $"give 1 to {EmbeddingInputs.MaxItems} images"),
        _ => null,
    };
}
