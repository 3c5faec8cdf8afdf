using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FeedHub.Api;

/// <summary>
/// Describes the import's request body in the OpenAPI document. Declared here rather than with
/// <c>Accepts</c>, which would also make routing answer a wrong Content-Type with a bare 415 instead of
/// the problem that lists the types the endpoint takes.
/// </summary>
internal static class OpmlOpenApi
{
    public static Task DescribeUpload(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var content = OpmlUpload.DocumentTypes.ToDictionary(
            type => type,
            _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The OPML 1.0 or 2.0 document." } });
        content[OpmlUpload.FormType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    [OpmlUpload.FileField] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The OPML file." },
                },
                Required = new HashSet<string> { OpmlUpload.FileField },
            },
        };
        operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        return Task.CompletedTask;
    }
}
