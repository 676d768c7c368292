//! The JSON API as such: personal tokens by scope doing what the pages do under the same
//! authorisation, its error format, and the OpenAPI document that describes it.

use reqwest::StatusCode;
use serde_json::{Value, json};
use shutaf_testkit::TestApp;

#[tokio::test]
async fn the_api_does_what_the_pages_do_with_scoped_tokens() {
    let app = TestApp::spawn().await;
    app.person("dev@example.org").await;
    let read = app.api_token("dev@example.org", "read").await;
    let write = app.api_token("dev@example.org", "write").await;
    let client = reqwest::Client::new();
    let api = |path: &str| app.url(&format!("/api/v1{path}"));

    let response = client.get(api("/me")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "unauthenticated");

    let me: Value = client
        .get(api("/me"))
        .bearer_auth(&read)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], "dev@example.org");
    assert_eq!(me["token_scope"], "read");

    let new_org = json!({ "names": { "ar": "جمعية البيئة", "en": "Environment Association" }, "sector": "third", "kind": "ngo", "contributions": ["community-trust", "knowledge"] });
    let response = client
        .post(api("/organisations"))
        .bearer_auth(&read)
        .json(&new_org)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "a read token cannot write"
    );
    let response = client
        .post(api("/organisations"))
        .bearer_auth(&write)
        .json(&new_org)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(
        created["contributions"],
        json!(["knowledge", "community-trust"])
    );

    let response = client
        .post(api("/organisations"))
        .bearer_auth(&write)
        .header("accept-language", "he")
        .json(&json!({ "names": {}, "sector": "third", "kind": "company" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "invalid");
    let fields: Vec<&str> = body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"name_he") && fields.contains(&"kind"),
        "{body}"
    );

    let response = client
        .post(api("/organisations"))
        .bearer_auth(&write)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["code"],
        "bad_request"
    );

    let page: Value = client
        .get(api(
            "/organisations?q=%D8%AC%D9%85%D8%B9%D9%8A%D8%A9&lang=ar",
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        page["total"], 1,
        "public data needs no token; Arabic search works"
    );
    assert_eq!(page["items"][0]["name"], "جمعية البيئة");
    let response = client
        .get(api("/organisations?sector=nonsense"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let response = client
        .post(api(&format!("/organisations/{id}/invitations")))
        .bearer_auth(&write)
        .json(&json!({ "email": "friend@example.org", "role": "member" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let mail = app
        .smtp
        .wait_for("friend@example.org", "/invitations/")
        .await;
    let token = mail
        .link(&app.url("/invitations/"))
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    app.person("friend@example.org").await;
    let friend = app.api_token("friend@example.org", "write").await;
    let joined: Value = client
        .post(api(&format!("/invitations/{token}/accept")))
        .bearer_auth(&friend)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(joined["organisation_id"], id);
    let members: Value = client
        .get(api(&format!("/organisations/{id}/members")))
        .bearer_auth(&read)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(members.as_array().unwrap().len(), 2);

    // Authorisation is the same as in the pages: the friend (member) cannot edit or invite.
    let response = client
        .put(api(&format!("/organisations/{id}")))
        .bearer_auth(&friend)
        .json(&new_org)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = client.post(api("/localities")).bearer_auth(&write).json(&json!({ "names": { "he": "עיר" }, "kind": "municipality", "convener_organisation_id": id })).send().await.unwrap();
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "only platform admins create localities"
    );
    let response = client
        .post(api(&format!("/organisations/{id}/leave")))
        .bearer_auth(&write)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "the last owner cannot leave"
    );
    let response = client
        .post(api(&format!("/organisations/{id}/leave")))
        .bearer_auth(&friend)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);

    let response = client.get(api("/no-such-thing")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["code"],
        "not_found"
    );
}

#[tokio::test]
async fn the_openapi_document_describes_the_api() {
    let app = TestApp::spawn().await;
    let doc: Value = reqwest::get(app.url("/api/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/v1/me",
        "/api/v1/organisations",
        "/api/v1/organisations/{id}",
        "/api/v1/organisations/{id}/invitations",
        "/api/v1/localities",
        "/api/v1/localities/{id}/calls",
        "/api/v1/calls/{id}",
        "/api/v1/calls/{id}/applications/{application_id}/attachments",
        "/api/v1/calls/{id}/applications/{application_id}/scores",
        "/api/v1/calls/{id}/declarations",
        "/api/v1/localities/{id}/donations",
        "/api/v1/donations/{id}/steps",
        "/api/v1/initiatives/{id}/notice/decision",
        "/api/v1/initiatives/{id}/integrity",
    ] {
        assert!(
            paths.contains_key(path),
            "{path} missing from {:?}",
            paths.keys().collect::<Vec<_>>()
        );
    }
    assert!(paths["/api/v1/organisations"]["post"].is_object());
    assert_eq!(
        doc["components"]["securitySchemes"]["token"]["scheme"],
        "bearer"
    );
    assert!(
        paths["/api/v1/calls/{id}/documents"]["post"]["requestBody"]["content"]
            ["multipart/form-data"]
            .is_object(),
        "uploads are described as multipart/form-data"
    );
    assert!(paths["/api/v1/initiatives/{id}/integrity"]["get"].is_object());
    assert!(paths["/api/v1/initiatives/{id}/integrity"]["put"].is_object());
    let sectors =
        &doc["components"]["schemas"]["OrganisationWrite"]["properties"]["sector"]["enum"];
    assert_eq!(sectors, &json!(["public", "third", "business"]));
    // A code that is null until a step is taken says so.
    let outcome = &doc["components"]["schemas"]["NoticeBody"]["properties"]["outcome"];
    assert_eq!(outcome["type"], json!(["string", "null"]), "{outcome}");
    assert!(outcome["enum"].as_array().unwrap().contains(&Value::Null));

    // Every operation documents the answers any request may get: 400 for what cannot be read
    // (when it takes parameters or a body), 413 for a body over the limit, 503 when the hub
    // sheds load; and each of those is in the API's error format.
    for (path, item) in paths {
        for (method, operation) in item.as_object().unwrap() {
            let responses = &operation["responses"];
            let takes_input = operation["parameters"]
                .as_array()
                .is_some_and(|p| p.iter().any(|p| p["in"] == "path" || p["in"] == "query"))
                || operation["requestBody"].is_object();
            let mut expected = vec!["503"];
            if takes_input {
                expected.push("400");
            }
            if operation["requestBody"].is_object() {
                expected.push("413");
            }
            for status in expected {
                assert_eq!(
                    responses[status]["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ErrorBody",
                    "{method} {path} documents {status}"
                );
            }
        }
    }

    // What the extractors refuse (a path or query parameter of the wrong type) is answered in
    // the API's format too, not as plain text.
    for path in [
        "/api/v1/organisations/abc",
        "/api/v1/organisations/99999999999999999999",
        "/api/v1/organisations?per_page=x",
        "/api/v1/localities/1/calls?limit=many",
    ] {
        let response = reqwest::get(app.url(path)).await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "application/json",
            "{path}"
        );
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "bad_request", "{path}: {body}");
    }
}
