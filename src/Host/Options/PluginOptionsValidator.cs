using Microsoft.Extensions.Options;

namespace ClipHost.Host.Options;

/// <summary>Source-generated DataAnnotations validation of <see cref="PluginOptions"/>.</summary>
[OptionsValidator]
public sealed partial class PluginOptionsValidator : IValidateOptions<PluginOptions>
{
}
