using ClipHost.Host.Options;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace ClipHost.Host.Torch;

/// <summary>Refuses a CUDA device on a machine or build without CUDA when the host starts, naming the setting.</summary>
public sealed class TorchDeviceValidator : IValidateOptions<TorchOptions>
{
    public ValidateOptionsResult Validate(string? name, TorchOptions options) =>
        options.Device.StartsWith("cuda", StringComparison.Ordinal) && !torch.cuda.is_available()
            ? ValidateOptionsResult.Fail($"Torch.Device is '{options.Device}' but CUDA is not available (this build carries the '{TorchRuntime.TorchBackend}' LibTorch bundle); use 'auto' or 'cpu'")
            : ValidateOptionsResult.Success;
}
