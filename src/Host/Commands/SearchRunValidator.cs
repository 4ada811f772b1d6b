using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Interop;
using ClipHost.Engine.Paths;

namespace ClipHost.Host.Commands;

/// <summary>
/// The run and its checkpoint exist, the store is a name under the data root with a finished import, the split is one
/// of the three, exactly one query is given and bounded, and k is between 1 and <see cref="SearchRunCommand.MaxK"/>.
/// </summary>
public sealed class SearchRunValidator(RunStore runs, DataLayout layout) : ICommandValidator<SearchRunCommand>
{
    private static readonly string[] SplitNames = [Splits.Train, Splits.Val, Splits.Test];

    public IReadOnlyList<OptionError> Validate(SearchRunCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (RunCheckpointCheck.Error(runs, command.RunId, command.Step) is { } missing)
        {
            return [missing];
        }
        if (!Identifier.IsValid(command.Store) || !File.Exists(Path.Combine(layout.Store(command.Store, "store"), StoreFiles.Manifest)))
        {
            return [new OptionError("store", $"no imported store '{command.Store}' under {layout.Stores}")];
        }
        if (command.Split is { } split && !SplitNames.Contains(split, StringComparer.Ordinal))
        {
            return [new OptionError("split", $"'{split}' is not one of {string.Join(", ", SplitNames)} (leave it out for the whole store)")];
        }
        if (command.K is < 1 or > SearchRunCommand.MaxK)
        {
            return [new OptionError("k", $"{command.K} is not between 1 and {SearchRunCommand.MaxK}")];
        }
        return QueryErrors(command);
    }

    private static IReadOnlyList<OptionError> QueryErrors(SearchRunCommand command)
    {
        var given = (command.Text is null ? 0 : 1) + (command.Image is null ? 0 : 1) + (command.Sample is null ? 0 : 1);
        return given != 1 ? [new OptionError("q", "give exactly one query: a caption, an image, or a sample of the store")]
            : command.Text is { } text && (string.IsNullOrWhiteSpace(text) || text.Length > SearchRunCommand.MaxTextLength)
                ? [new OptionError("q", $"a caption is 1 to {SearchRunCommand.MaxTextLength} characters, not blank")]
            : command.Image is { } image && (image.Length == 0 || image.Length > EmbeddingInputs.MaxImageBytes)
                ? [new OptionError("image", $"{image.Length} bytes: an image is 1 to {EmbeddingInputs.MaxImageBytes} bytes")]
            : command.Sample is < 0 ? [new OptionError("sample", $"{command.Sample} is not a sample id")]
            : [];
    }
}
