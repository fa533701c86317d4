#pragma warning disable ASPIREPIPELINES001

using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;

namespace HosVessel.AppHost.Publishing;

/// <summary>
/// The publish step that writes the deployment files into the output path. It runs after Aspire's
/// own <c>publish-manifest</c> step, so one command writes the manifest and everything else.
/// </summary>
public static class DeploymentFilesStep
{
    public const string StepName = "hosvessel-deployment-files";
    private const string ManifestStepName = "publish-manifest";

    private static bool completed;

    public static IDistributedApplicationBuilder AddDeploymentFiles(this IDistributedApplicationBuilder builder)
    {
        builder.Pipeline.AddStep(
            StepName,
            WriteAsync,
            dependsOn: new[] { WellKnownPipelineSteps.PublishPrereq, ManifestStepName },
            requiredBy: WellKnownPipelineSteps.Publish);
        return builder;
    }

    private static Task WriteAsync(PipelineStepContext context)
    {
        completed = true;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Aspire 13.6 exits 0 even when a publish step failed; a publish that did not reach this step fails the process.
    /// </summary>
    public static void SetExitCode(IConfiguration configuration)
    {
        var publishing = string.Equals(configuration["AppHost:Operation"], "publish", StringComparison.OrdinalIgnoreCase);
        var step = configuration["Pipeline:Step"];
        var expectsUs = step is null or WellKnownPipelineSteps.Publish or StepName;
        if (publishing && expectsUs && !completed)
        {
            Console.Error.WriteLine($"Publishing failed: the step '{StepName}' did not complete. See the log above.");
            Environment.ExitCode = 1;
        }
    }
}
