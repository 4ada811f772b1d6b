using ClipHost.Abstractions.Options;
using ClipHost.Host.Runs;

namespace ClipHost.Host.Api;

/// <summary>How the API answers: records as the run store writes them, refusals as a list of field errors.</summary>
internal static class ApiResults
{
    public static IResult Json(object value, int status = StatusCodes.Status200OK) => Results.Json(value, RunStore.SerializerOptions, statusCode: status);

    public static IResult Refused(OptionsValidationFailedException e, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { errors = e.Errors.Select(x => new { field = x.Field, message = x.Message }) }, RunStore.SerializerOptions, statusCode: status);

    public static IResult NotFound(string what) => Results.Json(new { error = $"{what} not found" }, RunStore.SerializerOptions, statusCode: StatusCodes.Status404NotFound);
}
