// The bundle's entry: what index.html needs, on window.
import React from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import "graphiql/graphiql.css";

window.newsgraphPlayground = { React, createRoot, GraphiQL, createGraphiQLFetcher };
