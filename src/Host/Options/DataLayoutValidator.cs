using ClipHost.Engine.Paths;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Options;

/// <summary>The data root's folders and the runs root must be distinct and not inside one another (checked at start).</summary>
public sealed class DataLayoutValidator(IOptions<DataOptions> data) : IValidateOptions<RunsOptions>
{
    public ValidateOptionsResult Validate(string? name, RunsOptions options)
    {
        var errors = DataLayout.ForRoots(data.Value.Root, options.Root).Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => e.ToString()));
    }
}
