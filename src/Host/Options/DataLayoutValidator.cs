using ClipHost.Engine.Paths;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Options;

/// <summary>The data root's folders and the runs root must be distinct and not inside one another (checked at start).</summary>
/// <remarks>Reads Data:Root from the configuration, not the Data options: those may fail their own checks, reported once by their validator.</remarks>
public sealed class DataLayoutValidator(IConfiguration configuration) : IValidateOptions<RunsOptions>
{
    public ValidateOptionsResult Validate(string? name, RunsOptions options)
    {
        var dataRoot = configuration[$"{DataOptions.SectionName}:{nameof(DataOptions.Root)}"] is { Length: > 0 } root ? root : new DataOptions().Root;
        var errors = DataLayout.ForRoots(dataRoot, options.Root).Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => e.ToString()));
    }
}
