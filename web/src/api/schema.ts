// Generated from the server's OpenAPI document by `npm run api:types`. Do not edit.

export interface paths {
    "/api/access-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Access review campaigns (yours to review, or all for compliance) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                closedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                dueOn: string | null;
                                id: string;
                                name: string;
                                progress: {
                                    decided: number;
                                    revoked: number;
                                    total: number;
                                };
                                status: "open" | "closed";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open a campaign: every active person's roles and client assignments, each to a reviewer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dueOn?: string | null;
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        name: string;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        reviewerId?: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            dueOn: string | null;
                            id: string;
                            items: {
                                clientId: string | null;
                                clientName: string | null;
                                decidedAt: string | null;
                                decision: ("certified" | "revoked") | null;
                                id: string;
                                note: string | null;
                                reviewerId: string;
                                reviewerName: string;
                                role: string;
                                userId: string;
                                userName: string;
                            }[];
                            name: string;
                            progress: {
                                decided: number;
                                revoked: number;
                                total: number;
                            };
                            status: "open" | "closed";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign with the items you review (all for compliance) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            dueOn: string | null;
                            id: string;
                            items: {
                                clientId: string | null;
                                clientName: string | null;
                                decidedAt: string | null;
                                decision: ("certified" | "revoked") | null;
                                id: string;
                                note: string | null;
                                reviewerId: string;
                                reviewerName: string;
                                role: string;
                                userId: string;
                                userName: string;
                            }[];
                            name: string;
                            progress: {
                                decided: number;
                                revoked: number;
                                total: number;
                            };
                            status: "open" | "closed";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-reviews/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign off a campaign once every item is decided */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            dueOn: string | null;
                            id: string;
                            items: {
                                clientId: string | null;
                                clientName: string | null;
                                decidedAt: string | null;
                                decision: ("certified" | "revoked") | null;
                                id: string;
                                note: string | null;
                                reviewerId: string;
                                reviewerName: string;
                                role: string;
                                userId: string;
                                userName: string;
                            }[];
                            name: string;
                            progress: {
                                decided: number;
                                revoked: number;
                                total: number;
                            };
                            status: "open" | "closed";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-reviews/{id}/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Certify or revoke one role assignment; a revocation takes effect at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                    /** @description Identifier */
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        decision: "certify" | "revoke";
                        note?: string | null;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            dueOn: string | null;
                            id: string;
                            items: {
                                clientId: string | null;
                                clientName: string | null;
                                decidedAt: string | null;
                                decision: ("certified" | "revoked") | null;
                                id: string;
                                note: string | null;
                                reviewerId: string;
                                reviewerName: string;
                                role: string;
                                userId: string;
                                userName: string;
                            }[];
                            name: string;
                            progress: {
                                decided: number;
                                revoked: number;
                                total: number;
                            };
                            status: "open" | "closed";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether you have a calendar feed of your shifts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            createdAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** A new calendar feed address for your shifts (the old one stops working) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The calendar feed address; shown once, keep it private */
                            url: string;
                        };
                    };
                };
            };
        };
        /** Stop your calendar feed */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/mfa/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the new authenticator with a code; returns new recovery codes (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recoveryCodes: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/mfa/enroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start re-enrolling your authenticator (new phone); the current one works until you confirm */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                            totpUri: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password (ends your other sessions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Anomaly alerts: open ones first by severity, or the resolved ones */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "closed" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assignedTo: {
                                    id: string;
                                    name: string;
                                } | null;
                                clientId: string | null;
                                eventIds: number[];
                                id: string;
                                incidentId: string | null;
                                patientId: string | null;
                                patientRef: string | null;
                                person: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: date-time */
                                raisedAt: string;
                                resolution: {
                                    /** Format: date-time */
                                    at: string;
                                    by: {
                                        id: string;
                                        name: string;
                                    } | null;
                                    reason: string;
                                } | null;
                                rule: string;
                                ruleLabel: string;
                                severity: "low" | "medium" | "high";
                                status: "open" | "benign" | "escalated";
                                /** @description Fixed words with counts and times; never PHI */
                                summary: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alert with the audit events behind it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignedTo: {
                                id: string;
                                name: string;
                            } | null;
                            clientId: string | null;
                            eventIds: number[];
                            events: {
                                action: string;
                                actorId: string | null;
                                actorType: "user" | "token" | "system";
                                clientId: string | null;
                                fields: string[] | null;
                                id: number;
                                ip: string | null;
                                /** Format: date-time */
                                occurredAt: string;
                                outcome: "success" | "failure";
                                patientRef: string | null;
                                purpose: string | null;
                                resourceId: string | null;
                                resourceType: string | null;
                            }[];
                            id: string;
                            incidentId: string | null;
                            patientId: string | null;
                            patientRef: string | null;
                            person: {
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            raisedAt: string;
                            resolution: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    id: string;
                                    name: string;
                                } | null;
                                reason: string;
                            } | null;
                            rule: string;
                            ruleLabel: string;
                            severity: "low" | "medium" | "high";
                            status: "open" | "benign" | "escalated";
                            /** @description Fixed words with counts and times; never PHI */
                            summary: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/alerts/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign an alert to a compliance officer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignedTo: {
                                id: string;
                                name: string;
                            } | null;
                            clientId: string | null;
                            eventIds: number[];
                            id: string;
                            incidentId: string | null;
                            patientId: string | null;
                            patientRef: string | null;
                            person: {
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            raisedAt: string;
                            resolution: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    id: string;
                                    name: string;
                                } | null;
                                reason: string;
                            } | null;
                            rule: string;
                            ruleLabel: string;
                            severity: "low" | "medium" | "high";
                            status: "open" | "benign" | "escalated";
                            /** @description Fixed words with counts and times; never PHI */
                            summary: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/alerts/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve an alert: benign with the reason, or escalated (to an incident) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        incidentId?: string | null;
                        outcome: "benign" | "escalated";
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignedTo: {
                                id: string;
                                name: string;
                            } | null;
                            clientId: string | null;
                            eventIds: number[];
                            id: string;
                            incidentId: string | null;
                            patientId: string | null;
                            patientRef: string | null;
                            person: {
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            raisedAt: string;
                            resolution: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    id: string;
                                    name: string;
                                } | null;
                                reason: string;
                            } | null;
                            rule: string;
                            ruleLabel: string;
                            severity: "low" | "medium" | "high";
                            status: "open" | "benign" | "escalated";
                            /** @description Fixed words with counts and times; never PHI */
                            summary: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/alerts/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many alerts are open, and how many are high */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            high: number;
                            open: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/anomaly-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The anomaly rules with this organization’s settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                defaults: {
                                    [key: string]: number;
                                };
                                description: string;
                                enabled: boolean;
                                label: string;
                                params: {
                                    [key: string]: number;
                                };
                                rule: string;
                                severity: "low" | "medium" | "high";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/anomaly-rules/{rule}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Turn a rule on or off, set its severity and thresholds */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rule: "no_reason" | "reveal_volume" | "unusual_hours" | "family_name" | "bulk_export" | "after_deactivation" | "new_network" | "break_glass";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        params?: {
                            [key: string]: number;
                        };
                        severity: "low" | "medium" | "high";
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            params: {
                                [key: string]: number;
                            };
                            rule: string;
                            severity: "low" | "medium" | "high";
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the audit trail (newest first, keyset paging)
         * @description Newest first (by time, then id). Pass the answer’s `nextBefore` as `before` for the next page; it is null on the last page. Nothing counts the whole match: `hasMore` says whether another page follows. Events written while paging come before the first page and never shift the pages still to come.
         */
        get: {
            parameters: {
                query?: {
                    /** @description An action (auth.login.failed), or a family: auth, or auth.login. */
                    action?: string;
                    /** @description The person (or token) who acted */
                    actorId?: string;
                    /** @description The nextBefore of the previous page: the page continues after that item */
                    before?: number;
                    clientId?: string;
                    /** @description Inclusive */
                    from?: string;
                    limit?: number;
                    outcome?: "success" | "failure";
                    patientRef?: string;
                    /** @description Narrows another filter; on its own it reads the trail in time order */
                    resourceId?: string;
                    /** @description Exclusive */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            hasMore: boolean;
                            items: {
                                action: string;
                                actorEmail: string | null;
                                actorId: string | null;
                                actorName: string | null;
                                actorType: "user" | "token" | "system";
                                clientId: string | null;
                                details: {
                                    [key: string]: unknown;
                                };
                                fields: string[] | null;
                                id: number;
                                ip: string | null;
                                /** Format: date-time */
                                occurredAt: string;
                                outcome: "success" | "failure";
                                patientRef: string | null;
                                purpose: string | null;
                                requestId: string | null;
                                resourceId: string | null;
                                resourceType: string | null;
                                /** @description Whether the event is sealed into the hash chain yet */
                                sealed: boolean;
                            }[];
                            limit: number;
                            /** @description Pass as before for the next page; null on the last page */
                            nextBefore: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One audit event with its link in the hash chain, checked
         * @description The link’s hash is recomputed from the stored event and the stored previous hash; `previousEventId` and `nextEventId` walk the chain.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            event: {
                                action: string;
                                actorEmail: string | null;
                                actorId: string | null;
                                actorName: string | null;
                                actorType: "user" | "token" | "system";
                                clientId: string | null;
                                details: {
                                    [key: string]: unknown;
                                };
                                fields: string[] | null;
                                id: number;
                                ip: string | null;
                                /** Format: date-time */
                                occurredAt: string;
                                outcome: "success" | "failure";
                                patientRef: string | null;
                                purpose: string | null;
                                requestId: string | null;
                                resourceId: string | null;
                                resourceType: string | null;
                                /** @description Whether the event is sealed into the hash chain yet */
                                sealed: boolean;
                            };
                            /** @description Null until the sealer has linked the event */
                            link: {
                                /** @description The stored previous hash is the previous link's hash */
                                followsPrevious: boolean;
                                hash: string;
                                nextEventId: number | null;
                                /** @description Place in the organization's chain, from 1 */
                                position: number;
                                prevHash: string;
                                previousEventId: number | null;
                                /** Format: date-time */
                                sealedAt: string;
                                /** @description The hash recomputed from the stored event and previous hash matches the stored hash */
                                verified: boolean;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the organization's audit trail for a period, as JSON Lines, CSV or a FHIR R4 Bundle of AuditEvents (export permission)
         * @description Events with `from` <= occurredAt < `to`, oldest first, streamed as they are read: `jsonl` (application/x-ndjson, one event per line), `csv` (text/csv, a header row; lists and objects as JSON text) or `fhir` (application/fhir+json, a Bundle of type collection). `X-Ringfence-Event-Count` gives the number of events. The download is itself an `audit.exported` event and leaves itself out. Events hold no PHI: field names, never values, and patients by their pseudonymous reference.
         */
        get: {
            parameters: {
                query: {
                    clientId?: string;
                    format: "jsonl" | "csv" | "fhir";
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description The export: JSON Lines, CSV or a FHIR R4 Bundle */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Chain head and unsealed events */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            headHash: string | null;
                            position: number;
                            unsealed: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last verification of the audit trail against its signed checkpoints */
        get: {
            parameters: {
                query?: {
                    /** @description A verification asked for (the id POST answered): whether it is still pending */
                    job?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            latest: {
                                checkpoint: {
                                    /** Format: date-time */
                                    at: string;
                                    position: number;
                                    source: "directory" | "witness";
                                } | null;
                                /** @description Links of the chain verified */
                                events: number;
                                eventsPerSecond: number | null;
                                ok: boolean;
                                problem: string | null;
                                problemPosition: number | null;
                                trigger: "command" | "schedule" | "console";
                                unsealed: number;
                                /** Format: date-time */
                                verifiedAt: string;
                            } | null;
                            /** @description A verification asked for has not finished yet */
                            pending: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Verify the organization’s audit trail now (in the background) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report that the person is active (typing, pointing) without another request
         * @description The console reports keys, pointer and focus, throttled; requests it makes by itself carry `x-ringfence-background: 1` and do not count. Answers when the session now lapses.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expiresAt: string;
                            expiryReason: "idle" | "absolute";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password (step one) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        organizationId?: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            /** @description True when the person must enrol an authenticator before signing in */
                            enrollmentRequired: boolean;
                            /** @enum {boolean} */
                            mfaRequired: true;
                        } | {
                            /** @enum {boolean} */
                            organizationRequired: true;
                            organizations: {
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in person, their roles and permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            /** Format: date-time */
                            expiresAt: string;
                            expiryReason: "idle" | "absolute";
                            idleMinutes: number;
                            permissions: {
                                action: string;
                                categories: string[];
                                clientIds: string[] | null;
                                /** @description A break-glass grant: this one patient of the client, until it expires */
                                patientId?: string;
                                scope: "organization" | "assigned_clients" | "self";
                                subject: string;
                            }[];
                            roles: {
                                clientId: string | null;
                                name: string;
                                role: string;
                            }[];
                            stage: "mfa" | "full";
                            user: {
                                displayName: string;
                                email: string;
                                id: string;
                                mfaEnrolled: boolean;
                                orgId: string;
                                orgName: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish sign-in with an authenticator code or a recovery code (step two) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Six-digit authenticator code */
                        code: string;
                    } | {
                        recoveryCode: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            recoveryCodes: string[] | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/enroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Get the authenticator secret to enrol (first sign-in) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                            totpUri: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Business associate agreements */
        get: {
            parameters: {
                query?: {
                    /** @description Identifier */
                    clientId?: string;
                    /** @description Identifier */
                    vendorId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Signed and in effect today: PHI of the client may be handled */
                                active: boolean;
                                /** @description The incident-notice window, in breachNoticeUnit */
                                breachNoticeDays: number;
                                breachNoticeTrigger: "breach" | "impermissible_use" | "security_incident";
                                breachNoticeUnit: "calendar_days" | "business_days" | "hours";
                                counterpartySigner: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                document: {
                                    bytes: number;
                                    name: string;
                                    sha256: string;
                                } | null;
                                effectiveOn: string | null;
                                endsOn: string | null;
                                id: string;
                                notes: string | null;
                                party: {
                                    id: string;
                                    type: "client" | "vendor";
                                };
                                status: "draft" | "signed" | "terminated";
                                terminationDisposition: "return" | "destroy";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a BAA with a client or a vendor */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The incident-notice window, in breachNoticeUnit (never beyond 60 days after discovery, whatever it says) */
                        breachNoticeDays?: number;
                        breachNoticeTrigger?: "breach" | "impermissible_use" | "security_incident";
                        breachNoticeUnit?: "calendar_days" | "business_days" | "hours";
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        clientId?: string;
                        counterpartySigner?: string | null;
                        effectiveOn?: string | null;
                        endsOn?: string | null;
                        notes?: string | null;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        status?: "draft" | "signed" | "terminated";
                        terminationDisposition?: "return" | "destroy";
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        vendorId?: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Signed and in effect today: PHI of the client may be handled */
                            active: boolean;
                            /** @description The incident-notice window, in breachNoticeUnit */
                            breachNoticeDays: number;
                            breachNoticeTrigger: "breach" | "impermissible_use" | "security_incident";
                            breachNoticeUnit: "calendar_days" | "business_days" | "hours";
                            counterpartySigner: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            document: {
                                bytes: number;
                                name: string;
                                sha256: string;
                            } | null;
                            effectiveOn: string | null;
                            endsOn: string | null;
                            id: string;
                            notes: string | null;
                            party: {
                                id: string;
                                type: "client" | "vendor";
                            };
                            status: "draft" | "signed" | "terminated";
                            terminationDisposition: "return" | "destroy";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One BAA */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Signed and in effect today: PHI of the client may be handled */
                            active: boolean;
                            /** @description The incident-notice window, in breachNoticeUnit */
                            breachNoticeDays: number;
                            breachNoticeTrigger: "breach" | "impermissible_use" | "security_incident";
                            breachNoticeUnit: "calendar_days" | "business_days" | "hours";
                            counterpartySigner: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            document: {
                                bytes: number;
                                name: string;
                                sha256: string;
                            } | null;
                            effectiveOn: string | null;
                            endsOn: string | null;
                            id: string;
                            notes: string | null;
                            party: {
                                id: string;
                                type: "client" | "vendor";
                            };
                            status: "draft" | "signed" | "terminated";
                            terminationDisposition: "return" | "destroy";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a BAA (sign, extend, terminate) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The incident-notice window, in breachNoticeUnit (never beyond 60 days after discovery, whatever it says) */
                        breachNoticeDays?: number;
                        breachNoticeTrigger?: "breach" | "impermissible_use" | "security_incident";
                        breachNoticeUnit?: "calendar_days" | "business_days" | "hours";
                        counterpartySigner?: string | null;
                        effectiveOn?: string | null;
                        endsOn?: string | null;
                        notes?: string | null;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        status?: "draft" | "signed" | "terminated";
                        terminationDisposition?: "return" | "destroy";
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Signed and in effect today: PHI of the client may be handled */
                            active: boolean;
                            /** @description The incident-notice window, in breachNoticeUnit */
                            breachNoticeDays: number;
                            breachNoticeTrigger: "breach" | "impermissible_use" | "security_incident";
                            breachNoticeUnit: "calendar_days" | "business_days" | "hours";
                            counterpartySigner: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            document: {
                                bytes: number;
                                name: string;
                                sha256: string;
                            } | null;
                            effectiveOn: string | null;
                            endsOn: string | null;
                            id: string;
                            notes: string | null;
                            party: {
                                id: string;
                                type: "client" | "vendor";
                            };
                            status: "draft" | "signed" | "terminated";
                            terminationDisposition: "return" | "destroy";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/baas/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the signed PDF (logged) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Store the signed PDF (Content-Type: application/pdf), encrypted */
        put: {
            parameters: {
                query?: {
                    /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                    name?: string;
                };
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Signed and in effect today: PHI of the client may be handled */
                            active: boolean;
                            /** @description The incident-notice window, in breachNoticeUnit */
                            breachNoticeDays: number;
                            breachNoticeTrigger: "breach" | "impermissible_use" | "security_incident";
                            breachNoticeUnit: "calendar_days" | "business_days" | "hours";
                            counterpartySigner: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            document: {
                                bytes: number;
                                name: string;
                                sha256: string;
                            } | null;
                            effectiveOn: string | null;
                            endsOn: string | null;
                            id: string;
                            notes: string | null;
                            party: {
                                id: string;
                                type: "client" | "vendor";
                            };
                            status: "draft" | "signed" | "terminated";
                            terminationDisposition: "return" | "destroy";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Supervisor board: per queue, open work by status, SLA breaches and the oldest task */
        get: {
            parameters: {
                query?: {
                    /** @description Identifier */
                    clientId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Tasks past their due time */
                                breached: number;
                                clientId: string;
                                counts: {
                                    claimed: number;
                                    escalated: number;
                                    open: number;
                                    waiting: number;
                                };
                                oldestCreatedAt: string | null;
                                queueId: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/board/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is working what: each person on duty or holding callbacks of your clients, with how many and the oldest claim */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                claimed: number;
                                displayName: string;
                                oldestClaimedAt: string | null;
                                onDuty: boolean;
                                userId: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/break-glass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your break-glass grants still open, and the clients of the organization (names only) a grant may name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clients: {
                                clientId: string;
                                clientName: string;
                            }[];
                            open: {
                                clientId: string;
                                /** Format: date-time */
                                expiresAt: string;
                                grantId: string;
                                patientId: string;
                                patientRef: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open one patient of a client you are not assigned to, for 30 minutes, stating why (audited and always alerted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        clientId: string;
                        /** @description The patient’s reference, as the caller or the practice gave it */
                        patientRef: string;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            /** Format: date-time */
                            expiresAt: string;
                            grantId: string;
                            patientId: string;
                            patientRef: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A provider's shifts as iCalendar (the token is the feed's secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the clients you may see */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    sort?: "name" | "-name" | "createdAt" | "-createdAt" | "status" | "-status";
                    status?: "active" | "inactive";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                callbackPolicy: {
                                    afterLastAttempt: "escalate" | "close";
                                    /** @description Push queues hand an agent callbacks of this client while they hold fewer than this many */
                                    agentCapacity: number;
                                    /** @description The days the client is open, each with its local opening and closing time; a weekday not listed is a day off */
                                    businessHours: {
                                        /** @description Local time, HH:MM */
                                        close: string;
                                        /** @description ISO weekday: 1 Monday … 7 Sunday */
                                        day: number;
                                        /** @description Local time, HH:MM */
                                        open: string;
                                    }[];
                                    /** @description A claim with no activity for this long returns the task to its queue */
                                    claimTimeoutMinutes: number;
                                    maxAttempts: number;
                                    reasonCodes: ("refill" | "appointment" | "results" | "billing" | "clinical" | "other")[];
                                    /** @description Wait after an unsuccessful attempt before the next */
                                    retryMinutes: number;
                                    sla: {
                                        emergentMinutes: number;
                                        urgentMinutes: number;
                                    };
                                };
                                /** @description False while the client follows the default policy */
                                callbackPolicySet: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                name: string;
                                phiGuardMode: "refuse" | "redact";
                                status: "active" | "inactive";
                                timeZone: string;
                                /** Format: date-time */
                                updatedAt: string;
                                voicemailScript: string | null;
                            }[];
                            limit: number;
                            offset: number;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a client */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        callbackPolicy?: {
                            afterLastAttempt: "escalate" | "close";
                            /** @description Push queues hand an agent callbacks of this client while they hold fewer than this many */
                            agentCapacity: number;
                            /** @description The days the client is open, each with its local opening and closing time; a weekday not listed is a day off */
                            businessHours: {
                                /** @description Local time, HH:MM */
                                close: string;
                                /** @description ISO weekday: 1 Monday … 7 Sunday */
                                day: number;
                                /** @description Local time, HH:MM */
                                open: string;
                            }[];
                            /** @description A claim with no activity for this long returns the task to its queue */
                            claimTimeoutMinutes: number;
                            maxAttempts: number;
                            reasonCodes: ("refill" | "appointment" | "results" | "billing" | "clinical" | "other")[];
                            /** @description Wait after an unsuccessful attempt before the next */
                            retryMinutes: number;
                            sla: {
                                emergentMinutes: number;
                                urgentMinutes: number;
                            };
                        };
                        name: string;
                        phiGuardMode?: "refuse" | "redact";
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        /** @description IANA time zone, e.g. America/Chicago */
                        timeZone: string;
                        voicemailScript?: string | null;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            callbackPolicy: {
                                afterLastAttempt: "escalate" | "close";
                                /** @description Push queues hand an agent callbacks of this client while they hold fewer than this many */
                                agentCapacity: number;
                                /** @description The days the client is open, each with its local opening and closing time; a weekday not listed is a day off */
                                businessHours: {
                                    /** @description Local time, HH:MM */
                                    close: string;
                                    /** @description ISO weekday: 1 Monday … 7 Sunday */
                                    day: number;
                                    /** @description Local time, HH:MM */
                                    open: string;
                                }[];
                                /** @description A claim with no activity for this long returns the task to its queue */
                                claimTimeoutMinutes: number;
                                maxAttempts: number;
                                reasonCodes: ("refill" | "appointment" | "results" | "billing" | "clinical" | "other")[];
                                /** @description Wait after an unsuccessful attempt before the next */
                                retryMinutes: number;
                                sla: {
                                    emergentMinutes: number;
                                    urgentMinutes: number;
                                };
                            };
                            /** @description False while the client follows the default policy */
                            callbackPolicySet: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            name: string;
                            phiGuardMode: "refuse" | "redact";
                            status: "active" | "inactive";
                            timeZone: string;
                            /** Format: date-time */
                            updatedAt: string;
                            voicemailScript: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One client */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            callbackPolicy: {
                                afterLastAttempt: "escalate" | "close";
                                /** @description Push queues hand an agent callbacks of this client while they hold fewer than this many */
                                agentCapacity: number;
                                /** @description The days the client is open, each with its local opening and closing time; a weekday not listed is a day off */
                                businessHours: {
                                    /** @description Local time, HH:MM */
                                    close: string;
                                    /** @description ISO weekday: 1 Monday … 7 Sunday */
                                    day: number;
                                    /** @description Local time, HH:MM */
                                    open: string;
                                }[];
                                /** @description A claim with no activity for this long returns the task to its queue */
                                claimTimeoutMinutes: number;
                                maxAttempts: number;
                                reasonCodes: ("refill" | "appointment" | "results" | "billing" | "clinical" | "other")[];
                                /** @description Wait after an unsuccessful attempt before the next */
                                retryMinutes: number;
                                sla: {
                                    emergentMinutes: number;
                                    urgentMinutes: number;
                                };
                            };
                            /** @description False while the client follows the default policy */
                            callbackPolicySet: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            name: string;
                            phiGuardMode: "refuse" | "redact";
                            status: "active" | "inactive";
                            timeZone: string;
                            /** Format: date-time */
                            updatedAt: string;
                            voicemailScript: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a client */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        callbackPolicy?: {
                            afterLastAttempt: "escalate" | "close";
                            /** @description Push queues hand an agent callbacks of this client while they hold fewer than this many */
                            agentCapacity: number;
                            /** @description The days the client is open, each with its local opening and closing time; a weekday not listed is a day off */
                            businessHours: {
                                /** @description Local time, HH:MM */
                                close: string;
                                /** @description ISO weekday: 1 Monday … 7 Sunday */
                                day: number;
                                /** @description Local time, HH:MM */
                                open: string;
                            }[];
                            /** @description A claim with no activity for this long returns the task to its queue */
                            claimTimeoutMinutes: number;
                            maxAttempts: number;
                            reasonCodes: ("refill" | "appointment" | "results" | "billing" | "clinical" | "other")[];
                            /** @description Wait after an unsuccessful attempt before the next */
                            retryMinutes: number;
                            sla: {
                                emergentMinutes: number;
                                urgentMinutes: number;
                            };
                        };
                        name?: string;
                        phiGuardMode?: "refuse" | "redact";
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        status?: "active" | "inactive";
                        /** @description IANA time zone, e.g. America/Chicago */
                        timeZone?: string;
                        voicemailScript?: string | null;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            callbackPolicy: {
                                afterLastAttempt: "escalate" | "close";
                                /** @description Push queues hand an agent callbacks of this client while they hold fewer than this many */
                                agentCapacity: number;
                                /** @description The days the client is open, each with its local opening and closing time; a weekday not listed is a day off */
                                businessHours: {
                                    /** @description Local time, HH:MM */
                                    close: string;
                                    /** @description ISO weekday: 1 Monday … 7 Sunday */
                                    day: number;
                                    /** @description Local time, HH:MM */
                                    open: string;
                                }[];
                                /** @description A claim with no activity for this long returns the task to its queue */
                                claimTimeoutMinutes: number;
                                maxAttempts: number;
                                reasonCodes: ("refill" | "appointment" | "results" | "billing" | "clinical" | "other")[];
                                /** @description Wait after an unsuccessful attempt before the next */
                                retryMinutes: number;
                                sla: {
                                    emergentMinutes: number;
                                    urgentMinutes: number;
                                };
                            };
                            /** @description False while the client follows the default policy */
                            callbackPolicySet: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            name: string;
                            phiGuardMode: "refuse" | "redact";
                            status: "active" | "inactive";
                            timeZone: string;
                            /** Format: date-time */
                            updatedAt: string;
                            voicemailScript: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/clients/{id}/on-call": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is on call for a client at an instant (default now), and which rule or override decided it */
        get: {
            parameters: {
                query?: {
                    at?: string;
                };
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            at: string;
                            backups: string[];
                            effectiveFrom: string | null;
                            names: {
                                [key: string]: string;
                            };
                            primary: string | null;
                            source: ({
                                /** @enum {string} */
                                kind: "rule";
                                rotationId: string;
                                rotationName: string;
                                shiftId: string;
                            } | {
                                /** @enum {string} */
                                kind: "override";
                                overrideId: string;
                            }) | null;
                            /** @description The schedule version in force at that instant (0: none saved yet) */
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{id}/on-call/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who covers when over a span (at most 62 days), with its gaps and double coverage */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            check: {
                                /** Format: date-time */
                                from: string;
                                gaps: {
                                    /** Format: date-time */
                                    end: string;
                                    personId: string | null;
                                    reason: "uncovered" | "unreachable";
                                    /** Format: date-time */
                                    start: string;
                                }[];
                                overlaps: {
                                    /** Format: date-time */
                                    end: string;
                                    sources: ({
                                        /** @enum {string} */
                                        kind: "rule";
                                        rotationId: string;
                                        rotationName: string;
                                        shiftId: string;
                                    } | {
                                        /** @enum {string} */
                                        kind: "override";
                                        overrideId: string;
                                    })[];
                                    /** Format: date-time */
                                    start: string;
                                }[];
                                /** Format: date-time */
                                to: string;
                            };
                            names: {
                                [key: string]: string;
                            };
                            segments: {
                                backups: string[];
                                /** Format: date-time */
                                end: string;
                                primary: string;
                                source: {
                                    /** @enum {string} */
                                    kind: "rule";
                                    rotationId: string;
                                    rotationName: string;
                                    shiftId: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "override";
                                    overrideId: string;
                                };
                                /** Format: date-time */
                                start: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{id}/on-call/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who a page for this client would go to now, before it is sent */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            names: {
                                [key: string]: string;
                            };
                            reachable: {
                                [key: string]: boolean;
                            };
                            roster: {
                                /** Format: date-time */
                                at: string;
                                backups: string[];
                                effectiveFrom: string | null;
                                primary: string | null;
                                source: ({
                                    /** @enum {string} */
                                    kind: "rule";
                                    rotationId: string;
                                    rotationName: string;
                                    shiftId: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "override";
                                    overrideId: string;
                                }) | null;
                                /** @description The schedule version in force at that instant (0: none saved yet) */
                                version: number;
                            };
                            supervisors: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{id}/on-call/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client's on-call providers and whether a page can reach each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                contactPoints: {
                                    address: string;
                                    id: string;
                                    kind: "email" | "sms" | "webhook";
                                    usable: boolean;
                                    verified: boolean;
                                }[];
                                id: string;
                                name: string;
                                /** @description At least one verified contact point whose channel may carry this client’s pages */
                                reachable: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{id}/on-call/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client's current on-call schedule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string | null;
                            createdBy: string | null;
                            document: {
                                overrides: {
                                    backups: string[] | null;
                                    /** @description Local wall-clock time in the client's zone, YYYY-MM-DDTHH:MM */
                                    end: string;
                                    /**
                                     * Format: uuid
                                     * @description Identifier
                                     */
                                    id: string;
                                    kind: "cover" | "swap";
                                    /**
                                     * Format: uuid
                                     * @description Identifier
                                     */
                                    primary: string;
                                    /** @description Local wall-clock time in the client's zone, YYYY-MM-DDTHH:MM */
                                    start: string;
                                }[];
                                rotations: {
                                    /**
                                     * Format: uuid
                                     * @description Identifier
                                     */
                                    id: string;
                                    /** @description A rotation name such as Nights or Weekend */
                                    name: string;
                                    shifts: {
                                        backups: string[];
                                        /** @description Local time, HH:MM */
                                        end: string;
                                        /**
                                         * Format: uuid
                                         * @description Identifier
                                         */
                                        id: string;
                                        /**
                                         * Format: uuid
                                         * @description Identifier
                                         */
                                        primary: string;
                                        /** @description An RFC 5545 recurrence rule without DTSTART, e.g. FREQ=WEEKLY;BYDAY=SA,SU */
                                        rrule: string;
                                        /** @description Local time, HH:MM */
                                        start: string;
                                        /** @description A local day, YYYY-MM-DD */
                                        startDate: string;
                                        untilDate: string | null;
                                    }[];
                                }[];
                            };
                            effectiveFrom: string | null;
                            timeZone: string;
                            version: number;
                        };
                    };
                };
            };
        };
        /** Save a new version of the schedule, in force from now; answers with the gaps and double coverage of the next 30 days */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        overrides: {
                            backups: string[] | null;
                            /** @description Local wall-clock time in the client's zone, YYYY-MM-DDTHH:MM */
                            end: string;
                            /**
                             * Format: uuid
                             * @description Identifier
                             */
                            id: string;
                            kind: "cover" | "swap";
                            /**
                             * Format: uuid
                             * @description Identifier
                             */
                            primary: string;
                            /** @description Local wall-clock time in the client's zone, YYYY-MM-DDTHH:MM */
                            start: string;
                        }[];
                        rotations: {
                            /**
                             * Format: uuid
                             * @description Identifier
                             */
                            id: string;
                            /** @description A rotation name such as Nights or Weekend */
                            name: string;
                            shifts: {
                                backups: string[];
                                /** @description Local time, HH:MM */
                                end: string;
                                /**
                                 * Format: uuid
                                 * @description Identifier
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description Identifier
                                 */
                                primary: string;
                                /** @description An RFC 5545 recurrence rule without DTSTART, e.g. FREQ=WEEKLY;BYDAY=SA,SU */
                                rrule: string;
                                /** @description Local time, HH:MM */
                                start: string;
                                /** @description A local day, YYYY-MM-DD */
                                startDate: string;
                                untilDate: string | null;
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            check: {
                                /** Format: date-time */
                                from: string;
                                gaps: {
                                    /** Format: date-time */
                                    end: string;
                                    personId: string | null;
                                    reason: "uncovered" | "unreachable";
                                    /** Format: date-time */
                                    start: string;
                                }[];
                                overlaps: {
                                    /** Format: date-time */
                                    end: string;
                                    sources: ({
                                        /** @enum {string} */
                                        kind: "rule";
                                        rotationId: string;
                                        rotationName: string;
                                        shiftId: string;
                                    } | {
                                        /** @enum {string} */
                                        kind: "override";
                                        overrideId: string;
                                    })[];
                                    /** Format: date-time */
                                    start: string;
                                }[];
                                /** Format: date-time */
                                to: string;
                            };
                            /** Format: date-time */
                            effectiveFrom: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{id}/on-call/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client's on-call settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ackWindowSeconds: {
                                /** @description How long an emergent page waits for an acknowledgement before the next person is paged */
                                emergent: number;
                                /** @description The same for an urgent page */
                                urgent: number;
                            };
                            /** @description An emergent callback pages the on-call provider as soon as it is taken */
                            autoPageEmergent: boolean;
                            coverage: "always" | "outside_business_hours";
                            /** @description Paged after the client's supervisors, in this order */
                            escalationUserIds: string[];
                            /** @description While a person has not acknowledged, they are paged again this often */
                            renotifyEverySeconds: number;
                            /** @description How many times a person is paged again before the next person */
                            renotifyTimes: number;
                            stopOn: "acknowledged" | "read";
                        };
                    };
                };
            };
        };
        /** Change a client's on-call settings (pages in flight keep theirs) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ackWindowSeconds: {
                            /** @description How long an emergent page waits for an acknowledgement before the next person is paged */
                            emergent: number;
                            /** @description The same for an urgent page */
                            urgent: number;
                        };
                        /** @description An emergent callback pages the on-call provider as soon as it is taken */
                        autoPageEmergent: boolean;
                        coverage: "always" | "outside_business_hours";
                        /** @description Paged after the client's supervisors, in this order */
                        escalationUserIds: string[];
                        /** @description While a person has not acknowledged, they are paged again this often */
                        renotifyEverySeconds: number;
                        /** @description How many times a person is paged again before the next person */
                        renotifyTimes: number;
                        stopOn: "acknowledged" | "read";
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ackWindowSeconds: {
                                /** @description How long an emergent page waits for an acknowledgement before the next person is paged */
                                emergent: number;
                                /** @description The same for an urgent page */
                                urgent: number;
                            };
                            /** @description An emergent callback pages the on-call provider as soon as it is taken */
                            autoPageEmergent: boolean;
                            coverage: "always" | "outside_business_hours";
                            /** @description Paged after the client's supervisors, in this order */
                            escalationUserIds: string[];
                            /** @description While a person has not acknowledged, they are paged again this often */
                            renotifyEverySeconds: number;
                            /** @description How many times a person is paged again before the next person */
                            renotifyTimes: number;
                            stopOn: "acknowledged" | "read";
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{id}/phi-guard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client's PHI-guard policy and how often it refused, redacted and was overridden */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lastOverrideAt: string | null;
                            mode: "refuse" | "redact";
                            overridden: number;
                            redacted: number;
                            refused: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{id}/practice-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client’s practice-system link (never its credentials) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authType: "none" | "bearer" | "basic";
                            baseUrl: string;
                            clientId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /** Set the client’s FHIR R4 base URL and credentials (stored encrypted) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        auth: {
                            /** @enum {string} */
                            type: "none";
                        } | {
                            token: string;
                            /** @enum {string} */
                            type: "bearer";
                        } | {
                            password: string;
                            /** @enum {string} */
                            type: "basic";
                            username: string;
                        };
                        baseUrl: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authType: "none" | "bearer" | "basic";
                            baseUrl: string;
                            clientId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove the client’s practice-system link */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{id}/practice-link/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Connect to the practice system and read its capability statement */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fhirVersion: string | null;
                            software: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/compliance/baa-chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every client and PHI-handling vendor with its BAA state, gaps first (format=csv for a spreadsheet, format=pdf for the file) */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "csv" | "pdf";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                baaId: string | null;
                                breachNoticeDays: number | null;
                                breachNoticeUnit: ("calendar_days" | "business_days" | "hours") | null;
                                /** @description Days until an active agreement ends, on the party's calendar */
                                daysLeft: number | null;
                                effectiveOn: string | null;
                                endsOn: string | null;
                                handlesPhi: boolean;
                                party: {
                                    id: string;
                                    name: string;
                                    type: "client" | "vendor";
                                };
                                /** @description A vendor: the clients whose PHI it touches (null: every client). A client: the PHI-handling vendors serving it */
                                reach: string[] | null;
                                services: string[];
                                state: "active" | "expiring" | "pending" | "draft" | "expired" | "terminated" | "missing";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/compliance/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** BAA coverage, vendors without BAAs, training coverage and expiries, open access reviews */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessReviews: {
                                open: {
                                    closedAt: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                    dueOn: string | null;
                                    id: string;
                                    name: string;
                                    progress: {
                                        decided: number;
                                        revoked: number;
                                        total: number;
                                    };
                                    status: string;
                                }[];
                            };
                            asOf: string;
                            baaCoverage: {
                                byState: {
                                    active: number;
                                    draft: number;
                                    expired: number;
                                    expiring: number;
                                    missing: number;
                                    pending: number;
                                    terminated: number;
                                };
                                clients: number;
                                covered: number;
                            };
                            baasEnding: {
                                daysLeft: number;
                                endsOn: string;
                                party: {
                                    id: string;
                                    name: string;
                                    type: "client" | "vendor";
                                };
                            }[];
                            /** @description Security events of the last 30 days that are always an alert (an administrator trying to give themselves a PHI role), newest first */
                            securityAlerts: {
                                action: string;
                                actorEmail: string | null;
                                eventId: number;
                                /** Format: date-time */
                                occurredAt: string;
                                role: string | null;
                            }[];
                            training: {
                                byCourse: {
                                    courseId: string;
                                    current: number;
                                    expired: number;
                                    expiringSoon: number;
                                    missing: number;
                                    name: string;
                                    required: boolean;
                                }[];
                                current: number;
                                expiringSoon: {
                                    course: string;
                                    daysLeft: number;
                                    displayName: string;
                                    expiresOn: string;
                                    userId: string;
                                }[];
                                people: number;
                            };
                            vendors: {
                                handlingPhi: number;
                                withoutBaa: {
                                    id: string;
                                    name: string;
                                    services: string[];
                                    state: "active" | "expiring" | "pending" | "draft" | "expired" | "terminated" | "missing";
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Training courses */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                key: string;
                                name: string;
                                required: boolean;
                                validityMonths: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/duty": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether you take callbacks pushed from push queues */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            onDuty: boolean;
                        };
                    };
                };
            };
        };
        /** Go on or off duty: on duty, push queues of your clients hand you callbacks */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        onDuty: boolean;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            onDuty: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live task changes (Server-Sent Events) for the clients you may see
         * @description A `text/event-stream` of `task` events ({taskId, clientId, queueId, status, action}): ids and statuses only, never PHI. The stream ends after `wait` seconds (default 300) and the browser reconnects, so permissions are checked again at least that often.
         */
        get: {
            parameters: {
                query?: {
                    wait?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health of this instance */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            db: "sqlite" | "postgres";
                            status: "ok" | "unavailable";
                            version: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            db: "sqlite" | "postgres";
                            status: "ok" | "unavailable";
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents, open first, each with its next notice deadline */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "closed" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                clients: number;
                                determination: ("breach" | "low_probability" | "excluded") | null;
                                /** Format: date-time */
                                discoveredAt: string;
                                id: string;
                                individuals: number;
                                nextDeadline: {
                                    clientId: string;
                                    clientName: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                    dueOn: string;
                                    state: "due" | "overdue" | "sent" | "sent_late" | "not_owed";
                                    timeZone: string;
                                } | null;
                                owner: {
                                    id: string;
                                    name: string;
                                } | null;
                                ref: string;
                                status: "reported" | "assessing" | "determined" | "notifying" | "closed";
                                type: "misdirected_disclosure" | "wrong_number_voicemail" | "lost_device" | "stolen_device" | "unauthorized_access" | "vendor_incident" | "other";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Report an incident (anyone); from a task, alert, vendor or a person’s access (compliance for all but a task) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        alertId?: string;
                        clientIds?: string[];
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        description: string;
                        /**
                         * Format: date-time
                         * @description When it was known, or by reasonable diligence would have been (default: now; for a task, when the wrong number was logged)
                         */
                        discoveredAt?: string;
                        /** Format: date-time */
                        occurredFrom?: string;
                        /** Format: date-time */
                        occurredTo?: string;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        subjectUserId?: string;
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        taskId?: string;
                        type: "misdirected_disclosure" | "wrong_number_voicemail" | "lost_device" | "stolen_device" | "unauthorized_access" | "vendor_incident" | "other";
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        vendorId?: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The incident reported from this task or alert before */
                            existing: boolean;
                            id: string;
                            ref: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident with its scope, assessments, deadlines and notices */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every version, newest first; a signed one never changes */
                            assessments: {
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                determination: ("breach" | "low_probability" | "excluded") | null;
                                exclusions: {
                                    authorizedPersons: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    encryptionSafeHarbor: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    unableToRetain: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    workforceGoodFaith: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                };
                                factors: {
                                    acquired: {
                                        answer: ("acquired" | "viewed" | "not_acquired" | "unknown") | null;
                                        text: string | null;
                                    };
                                    mitigation: {
                                        text: string | null;
                                    };
                                    nature: {
                                        categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                                        extent: string | null;
                                    };
                                    recipient: {
                                        text: string | null;
                                    };
                                };
                                id: string;
                                reasoning: string | null;
                                signedAt: string | null;
                                signedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                            /** @description The data categories the trail shows were touched */
                            categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                            /** @description What changed and why, newest first */
                            changes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    id: string;
                                    name: string;
                                } | null;
                                changed: string[];
                                reason: string | null;
                            }[];
                            clients: {
                                clientId: string;
                                clientName: string;
                                deadline: {
                                    /** @description The 60 days after discovery came first */
                                    capped: boolean;
                                    delayedMs: number;
                                    /** Format: date-time */
                                    dueAt: string;
                                    dueOn: string;
                                    /** Format: date-time */
                                    windowDueAt: string;
                                };
                                /** @description The count set by hand, or else the patient references in scope */
                                individuals: number;
                                individualsSetByHand: boolean;
                                notices: {
                                    clientId: string;
                                    /** Format: date-time */
                                    generatedAt: string;
                                    generatedBy: {
                                        id: string;
                                        name: string;
                                    } | null;
                                    id: string;
                                    previousId: string | null;
                                    sent: {
                                        /** Format: date-time */
                                        at: string;
                                        by: {
                                            id: string;
                                            name: string;
                                        } | null;
                                        late: boolean;
                                        lateReason: string | null;
                                        to: string;
                                        via: "email" | "mail" | "fax" | "portal" | "phone" | "in_person";
                                    } | null;
                                    /** @description 1: the notice; 2 and on: supplemental notices, each linked to the one before */
                                    sequence: number;
                                    /** @description Of the letter as Markdown */
                                    sha256: string;
                                }[];
                                noticeState: "due" | "overdue" | "sent" | "sent_late" | "not_owed";
                                obligation: "owed" | "presumed" | "not_owed";
                                origin: "derived" | "added";
                                reason: string | null;
                                removed: boolean;
                                terms: {
                                    baaId: string | null;
                                    trigger: "breach" | "impermissible_use" | "security_incident";
                                    unit: "calendar_days" | "business_days" | "hours";
                                    window: number;
                                };
                                timeZone: string;
                            }[];
                            closedAt: string | null;
                            closeReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            determination: ("breach" | "low_probability" | "excluded") | null;
                            /** Format: date-time */
                            discoveredAt: string;
                            hhs: {
                                breachType: "Hacking/IT Incident" | "Improper Disposal" | "Loss" | "Theft" | "Unauthorized Access/Disclosure" | "Other";
                                location: "Desktop Computer" | "Electronic Medical Record" | "Email" | "Laptop" | "Network Server" | "Other Portable Electronic Devices" | "Paper/Films" | "Other";
                                phiTypes: ("Clinical" | "Demographic" | "Financial" | "Other")[];
                            };
                            id: string;
                            individuals: number;
                            lawEnforcementDelay: {
                                agency: string | null;
                                kind: "written" | "oral";
                                /** Format: date-time */
                                statedAt: string;
                                /** Format: date-time */
                                until: string;
                            } | null;
                            occurredFrom: string | null;
                            occurredTo: string | null;
                            owner: {
                                id: string;
                                name: string;
                            } | null;
                            patients: {
                                clientId: string;
                                events: number;
                                origin: "derived" | "added";
                                patientRef: string;
                                reason: string | null;
                                removed: boolean;
                            }[];
                            ref: string;
                            /** Format: date-time */
                            reportedAt: string;
                            reportedBy: {
                                id: string;
                                name: string;
                            } | null;
                            source: {
                                id: string | null;
                                type: "task" | "alert" | "vendor" | "manual";
                            };
                            status: "reported" | "assessing" | "determined" | "notifying" | "closed";
                            subjectUser: {
                                id: string;
                                name: string;
                            } | null;
                            type: "misdirected_disclosure" | "wrong_number_voicemail" | "lost_device" | "stolen_device" | "unauthorized_access" | "vendor_incident" | "other";
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the facts: type, discovery (with a reason), window, owner, HHS classification, law-enforcement delay */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        description?: string;
                        /** Format: date-time */
                        discoveredAt?: string;
                        hhsBreachType?: "Hacking/IT Incident" | "Improper Disposal" | "Loss" | "Theft" | "Unauthorized Access/Disclosure" | "Other";
                        hhsLocation?: "Desktop Computer" | "Electronic Medical Record" | "Email" | "Laptop" | "Network Server" | "Other Portable Electronic Devices" | "Paper/Films" | "Other";
                        lawEnforcementDelay?: {
                            agency?: string | null;
                            kind: "written" | "oral";
                            /** Format: date-time */
                            statedAt: string;
                            /**
                             * Format: date-time
                             * @description The end of the period stated; an oral statement delays for at most 30 days
                             */
                            until: string;
                        } | null;
                        occurredFrom?: string | null;
                        occurredTo?: string | null;
                        ownerId?: string | null;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        reason?: string;
                        type?: "misdirected_disclosure" | "wrong_number_voicemail" | "lost_device" | "stolen_device" | "unauthorized_access" | "vendor_incident" | "other";
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every version, newest first; a signed one never changes */
                            assessments: {
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                determination: ("breach" | "low_probability" | "excluded") | null;
                                exclusions: {
                                    authorizedPersons: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    encryptionSafeHarbor: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    unableToRetain: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    workforceGoodFaith: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                };
                                factors: {
                                    acquired: {
                                        answer: ("acquired" | "viewed" | "not_acquired" | "unknown") | null;
                                        text: string | null;
                                    };
                                    mitigation: {
                                        text: string | null;
                                    };
                                    nature: {
                                        categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                                        extent: string | null;
                                    };
                                    recipient: {
                                        text: string | null;
                                    };
                                };
                                id: string;
                                reasoning: string | null;
                                signedAt: string | null;
                                signedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                            /** @description The data categories the trail shows were touched */
                            categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                            /** @description What changed and why, newest first */
                            changes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    id: string;
                                    name: string;
                                } | null;
                                changed: string[];
                                reason: string | null;
                            }[];
                            clients: {
                                clientId: string;
                                clientName: string;
                                deadline: {
                                    /** @description The 60 days after discovery came first */
                                    capped: boolean;
                                    delayedMs: number;
                                    /** Format: date-time */
                                    dueAt: string;
                                    dueOn: string;
                                    /** Format: date-time */
                                    windowDueAt: string;
                                };
                                /** @description The count set by hand, or else the patient references in scope */
                                individuals: number;
                                individualsSetByHand: boolean;
                                notices: {
                                    clientId: string;
                                    /** Format: date-time */
                                    generatedAt: string;
                                    generatedBy: {
                                        id: string;
                                        name: string;
                                    } | null;
                                    id: string;
                                    previousId: string | null;
                                    sent: {
                                        /** Format: date-time */
                                        at: string;
                                        by: {
                                            id: string;
                                            name: string;
                                        } | null;
                                        late: boolean;
                                        lateReason: string | null;
                                        to: string;
                                        via: "email" | "mail" | "fax" | "portal" | "phone" | "in_person";
                                    } | null;
                                    /** @description 1: the notice; 2 and on: supplemental notices, each linked to the one before */
                                    sequence: number;
                                    /** @description Of the letter as Markdown */
                                    sha256: string;
                                }[];
                                noticeState: "due" | "overdue" | "sent" | "sent_late" | "not_owed";
                                obligation: "owed" | "presumed" | "not_owed";
                                origin: "derived" | "added";
                                reason: string | null;
                                removed: boolean;
                                terms: {
                                    baaId: string | null;
                                    trigger: "breach" | "impermissible_use" | "security_incident";
                                    unit: "calendar_days" | "business_days" | "hours";
                                    window: number;
                                };
                                timeZone: string;
                            }[];
                            closedAt: string | null;
                            closeReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            determination: ("breach" | "low_probability" | "excluded") | null;
                            /** Format: date-time */
                            discoveredAt: string;
                            hhs: {
                                breachType: "Hacking/IT Incident" | "Improper Disposal" | "Loss" | "Theft" | "Unauthorized Access/Disclosure" | "Other";
                                location: "Desktop Computer" | "Electronic Medical Record" | "Email" | "Laptop" | "Network Server" | "Other Portable Electronic Devices" | "Paper/Films" | "Other";
                                phiTypes: ("Clinical" | "Demographic" | "Financial" | "Other")[];
                            };
                            id: string;
                            individuals: number;
                            lawEnforcementDelay: {
                                agency: string | null;
                                kind: "written" | "oral";
                                /** Format: date-time */
                                statedAt: string;
                                /** Format: date-time */
                                until: string;
                            } | null;
                            occurredFrom: string | null;
                            occurredTo: string | null;
                            owner: {
                                id: string;
                                name: string;
                            } | null;
                            patients: {
                                clientId: string;
                                events: number;
                                origin: "derived" | "added";
                                patientRef: string;
                                reason: string | null;
                                removed: boolean;
                            }[];
                            ref: string;
                            /** Format: date-time */
                            reportedAt: string;
                            reportedBy: {
                                id: string;
                                name: string;
                            } | null;
                            source: {
                                id: string | null;
                                type: "task" | "alert" | "vendor" | "manual";
                            };
                            status: "reported" | "assessing" | "determined" | "notifying" | "closed";
                            subjectUser: {
                                id: string;
                                name: string;
                            } | null;
                            type: "misdirected_disclosure" | "wrong_number_voicemail" | "lost_device" | "stolen_device" | "unauthorized_access" | "vendor_incident" | "other";
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            } | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/incidents/{id}/assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save the draft risk assessment (after a signed one: the amendment, a new version) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        determination?: ("breach" | "low_probability" | "excluded") | null;
                        exclusions?: {
                            authorizedPersons?: {
                                applies: boolean;
                                reasoning: string | null;
                            };
                            encryptionSafeHarbor?: {
                                applies: boolean;
                                reasoning: string | null;
                            };
                            unableToRetain?: {
                                applies: boolean;
                                reasoning: string | null;
                            };
                            workforceGoodFaith?: {
                                applies: boolean;
                                reasoning: string | null;
                            };
                        };
                        factors?: {
                            acquired?: {
                                answer?: ("acquired" | "viewed" | "not_acquired" | "unknown") | null;
                                text?: string | null;
                            };
                            mitigation?: {
                                text: string | null;
                            };
                            nature?: {
                                categories?: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                                extent?: string | null;
                            };
                            recipient?: {
                                text: string | null;
                            };
                        };
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        reasoning?: string | null;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every version, newest first; a signed one never changes */
                            assessments: {
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                determination: ("breach" | "low_probability" | "excluded") | null;
                                exclusions: {
                                    authorizedPersons: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    encryptionSafeHarbor: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    unableToRetain: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    workforceGoodFaith: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                };
                                factors: {
                                    acquired: {
                                        answer: ("acquired" | "viewed" | "not_acquired" | "unknown") | null;
                                        text: string | null;
                                    };
                                    mitigation: {
                                        text: string | null;
                                    };
                                    nature: {
                                        categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                                        extent: string | null;
                                    };
                                    recipient: {
                                        text: string | null;
                                    };
                                };
                                id: string;
                                reasoning: string | null;
                                signedAt: string | null;
                                signedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                            /** @description The data categories the trail shows were touched */
                            categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                            /** @description What changed and why, newest first */
                            changes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    id: string;
                                    name: string;
                                } | null;
                                changed: string[];
                                reason: string | null;
                            }[];
                            clients: {
                                clientId: string;
                                clientName: string;
                                deadline: {
                                    /** @description The 60 days after discovery came first */
                                    capped: boolean;
                                    delayedMs: number;
                                    /** Format: date-time */
                                    dueAt: string;
                                    dueOn: string;
                                    /** Format: date-time */
                                    windowDueAt: string;
                                };
                                /** @description The count set by hand, or else the patient references in scope */
                                individuals: number;
                                individualsSetByHand: boolean;
                                notices: {
                                    clientId: string;
                                    /** Format: date-time */
                                    generatedAt: string;
                                    generatedBy: {
                                        id: string;
                                        name: string;
                                    } | null;
                                    id: string;
                                    previousId: string | null;
                                    sent: {
                                        /** Format: date-time */
                                        at: string;
                                        by: {
                                            id: string;
                                            name: string;
                                        } | null;
                                        late: boolean;
                                        lateReason: string | null;
                                        to: string;
                                        via: "email" | "mail" | "fax" | "portal" | "phone" | "in_person";
                                    } | null;
                                    /** @description 1: the notice; 2 and on: supplemental notices, each linked to the one before */
                                    sequence: number;
                                    /** @description Of the letter as Markdown */
                                    sha256: string;
                                }[];
                                noticeState: "due" | "overdue" | "sent" | "sent_late" | "not_owed";
                                obligation: "owed" | "presumed" | "not_owed";
                                origin: "derived" | "added";
                                reason: string | null;
                                removed: boolean;
                                terms: {
                                    baaId: string | null;
                                    trigger: "breach" | "impermissible_use" | "security_incident";
                                    unit: "calendar_days" | "business_days" | "hours";
                                    window: number;
                                };
                                timeZone: string;
                            }[];
                            closedAt: string | null;
                            closeReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            determination: ("breach" | "low_probability" | "excluded") | null;
                            /** Format: date-time */
                            discoveredAt: string;
                            hhs: {
                                breachType: "Hacking/IT Incident" | "Improper Disposal" | "Loss" | "Theft" | "Unauthorized Access/Disclosure" | "Other";
                                location: "Desktop Computer" | "Electronic Medical Record" | "Email" | "Laptop" | "Network Server" | "Other Portable Electronic Devices" | "Paper/Films" | "Other";
                                phiTypes: ("Clinical" | "Demographic" | "Financial" | "Other")[];
                            };
                            id: string;
                            individuals: number;
                            lawEnforcementDelay: {
                                agency: string | null;
                                kind: "written" | "oral";
                                /** Format: date-time */
                                statedAt: string;
                                /** Format: date-time */
                                until: string;
                            } | null;
                            occurredFrom: string | null;
                            occurredTo: string | null;
                            owner: {
                                id: string;
                                name: string;
                            } | null;
                            patients: {
                                clientId: string;
                                events: number;
                                origin: "derived" | "added";
                                patientRef: string;
                                reason: string | null;
                                removed: boolean;
                            }[];
                            ref: string;
                            /** Format: date-time */
                            reportedAt: string;
                            reportedBy: {
                                id: string;
                                name: string;
                            } | null;
                            source: {
                                id: string | null;
                                type: "task" | "alert" | "vendor" | "manual";
                            };
                            status: "reported" | "assessing" | "determined" | "notifying" | "closed";
                            subjectUser: {
                                id: string;
                                name: string;
                            } | null;
                            type: "misdirected_disclosure" | "wrong_number_voicemail" | "lost_device" | "stolen_device" | "unauthorized_access" | "vendor_incident" | "other";
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            } | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/assessment/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign the draft assessment: it never changes after */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every version, newest first; a signed one never changes */
                            assessments: {
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                determination: ("breach" | "low_probability" | "excluded") | null;
                                exclusions: {
                                    authorizedPersons: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    encryptionSafeHarbor: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    unableToRetain: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    workforceGoodFaith: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                };
                                factors: {
                                    acquired: {
                                        answer: ("acquired" | "viewed" | "not_acquired" | "unknown") | null;
                                        text: string | null;
                                    };
                                    mitigation: {
                                        text: string | null;
                                    };
                                    nature: {
                                        categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                                        extent: string | null;
                                    };
                                    recipient: {
                                        text: string | null;
                                    };
                                };
                                id: string;
                                reasoning: string | null;
                                signedAt: string | null;
                                signedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                            /** @description The data categories the trail shows were touched */
                            categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                            /** @description What changed and why, newest first */
                            changes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    id: string;
                                    name: string;
                                } | null;
                                changed: string[];
                                reason: string | null;
                            }[];
                            clients: {
                                clientId: string;
                                clientName: string;
                                deadline: {
                                    /** @description The 60 days after discovery came first */
                                    capped: boolean;
                                    delayedMs: number;
                                    /** Format: date-time */
                                    dueAt: string;
                                    dueOn: string;
                                    /** Format: date-time */
                                    windowDueAt: string;
                                };
                                /** @description The count set by hand, or else the patient references in scope */
                                individuals: number;
                                individualsSetByHand: boolean;
                                notices: {
                                    clientId: string;
                                    /** Format: date-time */
                                    generatedAt: string;
                                    generatedBy: {
                                        id: string;
                                        name: string;
                                    } | null;
                                    id: string;
                                    previousId: string | null;
                                    sent: {
                                        /** Format: date-time */
                                        at: string;
                                        by: {
                                            id: string;
                                            name: string;
                                        } | null;
                                        late: boolean;
                                        lateReason: string | null;
                                        to: string;
                                        via: "email" | "mail" | "fax" | "portal" | "phone" | "in_person";
                                    } | null;
                                    /** @description 1: the notice; 2 and on: supplemental notices, each linked to the one before */
                                    sequence: number;
                                    /** @description Of the letter as Markdown */
                                    sha256: string;
                                }[];
                                noticeState: "due" | "overdue" | "sent" | "sent_late" | "not_owed";
                                obligation: "owed" | "presumed" | "not_owed";
                                origin: "derived" | "added";
                                reason: string | null;
                                removed: boolean;
                                terms: {
                                    baaId: string | null;
                                    trigger: "breach" | "impermissible_use" | "security_incident";
                                    unit: "calendar_days" | "business_days" | "hours";
                                    window: number;
                                };
                                timeZone: string;
                            }[];
                            closedAt: string | null;
                            closeReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            determination: ("breach" | "low_probability" | "excluded") | null;
                            /** Format: date-time */
                            discoveredAt: string;
                            hhs: {
                                breachType: "Hacking/IT Incident" | "Improper Disposal" | "Loss" | "Theft" | "Unauthorized Access/Disclosure" | "Other";
                                location: "Desktop Computer" | "Electronic Medical Record" | "Email" | "Laptop" | "Network Server" | "Other Portable Electronic Devices" | "Paper/Films" | "Other";
                                phiTypes: ("Clinical" | "Demographic" | "Financial" | "Other")[];
                            };
                            id: string;
                            individuals: number;
                            lawEnforcementDelay: {
                                agency: string | null;
                                kind: "written" | "oral";
                                /** Format: date-time */
                                statedAt: string;
                                /** Format: date-time */
                                until: string;
                            } | null;
                            occurredFrom: string | null;
                            occurredTo: string | null;
                            owner: {
                                id: string;
                                name: string;
                            } | null;
                            patients: {
                                clientId: string;
                                events: number;
                                origin: "derived" | "added";
                                patientRef: string;
                                reason: string | null;
                                removed: boolean;
                            }[];
                            ref: string;
                            /** Format: date-time */
                            reportedAt: string;
                            reportedBy: {
                                id: string;
                                name: string;
                            } | null;
                            source: {
                                id: string | null;
                                type: "task" | "alert" | "vendor" | "manual";
                            };
                            status: "reported" | "assessing" | "determined" | "notifying" | "closed";
                            subjectUser: {
                                id: string;
                                name: string;
                            } | null;
                            type: "misdirected_disclosure" | "wrong_number_voicemail" | "lost_device" | "stolen_device" | "unauthorized_access" | "vendor_incident" | "other";
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the incident once every owed notice is sent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every version, newest first; a signed one never changes */
                            assessments: {
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                determination: ("breach" | "low_probability" | "excluded") | null;
                                exclusions: {
                                    authorizedPersons: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    encryptionSafeHarbor: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    unableToRetain: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    workforceGoodFaith: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                };
                                factors: {
                                    acquired: {
                                        answer: ("acquired" | "viewed" | "not_acquired" | "unknown") | null;
                                        text: string | null;
                                    };
                                    mitigation: {
                                        text: string | null;
                                    };
                                    nature: {
                                        categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                                        extent: string | null;
                                    };
                                    recipient: {
                                        text: string | null;
                                    };
                                };
                                id: string;
                                reasoning: string | null;
                                signedAt: string | null;
                                signedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                            /** @description The data categories the trail shows were touched */
                            categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                            /** @description What changed and why, newest first */
                            changes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    id: string;
                                    name: string;
                                } | null;
                                changed: string[];
                                reason: string | null;
                            }[];
                            clients: {
                                clientId: string;
                                clientName: string;
                                deadline: {
                                    /** @description The 60 days after discovery came first */
                                    capped: boolean;
                                    delayedMs: number;
                                    /** Format: date-time */
                                    dueAt: string;
                                    dueOn: string;
                                    /** Format: date-time */
                                    windowDueAt: string;
                                };
                                /** @description The count set by hand, or else the patient references in scope */
                                individuals: number;
                                individualsSetByHand: boolean;
                                notices: {
                                    clientId: string;
                                    /** Format: date-time */
                                    generatedAt: string;
                                    generatedBy: {
                                        id: string;
                                        name: string;
                                    } | null;
                                    id: string;
                                    previousId: string | null;
                                    sent: {
                                        /** Format: date-time */
                                        at: string;
                                        by: {
                                            id: string;
                                            name: string;
                                        } | null;
                                        late: boolean;
                                        lateReason: string | null;
                                        to: string;
                                        via: "email" | "mail" | "fax" | "portal" | "phone" | "in_person";
                                    } | null;
                                    /** @description 1: the notice; 2 and on: supplemental notices, each linked to the one before */
                                    sequence: number;
                                    /** @description Of the letter as Markdown */
                                    sha256: string;
                                }[];
                                noticeState: "due" | "overdue" | "sent" | "sent_late" | "not_owed";
                                obligation: "owed" | "presumed" | "not_owed";
                                origin: "derived" | "added";
                                reason: string | null;
                                removed: boolean;
                                terms: {
                                    baaId: string | null;
                                    trigger: "breach" | "impermissible_use" | "security_incident";
                                    unit: "calendar_days" | "business_days" | "hours";
                                    window: number;
                                };
                                timeZone: string;
                            }[];
                            closedAt: string | null;
                            closeReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            determination: ("breach" | "low_probability" | "excluded") | null;
                            /** Format: date-time */
                            discoveredAt: string;
                            hhs: {
                                breachType: "Hacking/IT Incident" | "Improper Disposal" | "Loss" | "Theft" | "Unauthorized Access/Disclosure" | "Other";
                                location: "Desktop Computer" | "Electronic Medical Record" | "Email" | "Laptop" | "Network Server" | "Other Portable Electronic Devices" | "Paper/Films" | "Other";
                                phiTypes: ("Clinical" | "Demographic" | "Financial" | "Other")[];
                            };
                            id: string;
                            individuals: number;
                            lawEnforcementDelay: {
                                agency: string | null;
                                kind: "written" | "oral";
                                /** Format: date-time */
                                statedAt: string;
                                /** Format: date-time */
                                until: string;
                            } | null;
                            occurredFrom: string | null;
                            occurredTo: string | null;
                            owner: {
                                id: string;
                                name: string;
                            } | null;
                            patients: {
                                clientId: string;
                                events: number;
                                origin: "derived" | "added";
                                patientRef: string;
                                reason: string | null;
                                removed: boolean;
                            }[];
                            ref: string;
                            /** Format: date-time */
                            reportedAt: string;
                            reportedBy: {
                                id: string;
                                name: string;
                            } | null;
                            source: {
                                id: string | null;
                                type: "task" | "alert" | "vendor" | "manual";
                            };
                            status: "reported" | "assessing" | "determined" | "notifying" | "closed";
                            subjectUser: {
                                id: string;
                                name: string;
                            } | null;
                            type: "misdirected_disclosure" | "wrong_number_voicemail" | "lost_device" | "stolen_device" | "unauthorized_access" | "vendor_incident" | "other";
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate the letter to an affected client (a supplemental one once the first is sent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        clientId: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            /** Format: date-time */
                            generatedAt: string;
                            generatedBy: {
                                id: string;
                                name: string;
                            } | null;
                            id: string;
                            previousId: string | null;
                            sent: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    id: string;
                                    name: string;
                                } | null;
                                late: boolean;
                                lateReason: string | null;
                                to: string;
                                via: "email" | "mail" | "fax" | "portal" | "phone" | "in_person";
                            } | null;
                            /** @description 1: the notice; 2 and on: supplemental notices, each linked to the one before */
                            sequence: number;
                            /** @description Of the letter as Markdown */
                            sha256: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/notices/{noticeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The letter as PDF (default) or Markdown; format=patients for the attachment listing the patient references (logged) */
        get: {
            parameters: {
                query?: {
                    format?: "pdf" | "md" | "patients";
                };
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                    /** @description Identifier */
                    noticeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/notices/{noticeId}/sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the letter was sent: how, to whom, when (a late notice with the reason) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                    /** @description Identifier */
                    noticeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        lateReason?: string;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        /**
                         * Format: date-time
                         * @description Default: now
                         */
                        sentAt?: string;
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        to: string;
                        via: "email" | "mail" | "fax" | "portal" | "phone" | "in_person";
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            /** Format: date-time */
                            generatedAt: string;
                            generatedBy: {
                                id: string;
                                name: string;
                            } | null;
                            id: string;
                            previousId: string | null;
                            sent: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    id: string;
                                    name: string;
                                } | null;
                                late: boolean;
                                lateReason: string | null;
                                to: string;
                                via: "email" | "mail" | "fax" | "portal" | "phone" | "in_person";
                            } | null;
                            /** @description 1: the notice; 2 and on: supplemental notices, each linked to the one before */
                            sequence: number;
                            /** @description Of the letter as Markdown */
                            sha256: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/scope": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Edit the affected clients, patients and counts, with the reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        addClients?: string[];
                        addPatients?: {
                            /**
                             * Format: uuid
                             * @description Identifier
                             */
                            clientId: string;
                            /** @description A patient reference, as Ringfence shows it */
                            patientRef: string;
                        }[];
                        individuals?: {
                            /**
                             * Format: uuid
                             * @description Identifier
                             */
                            clientId: string;
                            count: number | null;
                        }[];
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        reason: string;
                        removeClients?: string[];
                        removePatients?: {
                            /**
                             * Format: uuid
                             * @description Identifier
                             */
                            clientId: string;
                            /** @description A patient reference, as Ringfence shows it */
                            patientRef: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every version, newest first; a signed one never changes */
                            assessments: {
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                determination: ("breach" | "low_probability" | "excluded") | null;
                                exclusions: {
                                    authorizedPersons: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    encryptionSafeHarbor: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    unableToRetain: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    workforceGoodFaith: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                };
                                factors: {
                                    acquired: {
                                        answer: ("acquired" | "viewed" | "not_acquired" | "unknown") | null;
                                        text: string | null;
                                    };
                                    mitigation: {
                                        text: string | null;
                                    };
                                    nature: {
                                        categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                                        extent: string | null;
                                    };
                                    recipient: {
                                        text: string | null;
                                    };
                                };
                                id: string;
                                reasoning: string | null;
                                signedAt: string | null;
                                signedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                            /** @description The data categories the trail shows were touched */
                            categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                            /** @description What changed and why, newest first */
                            changes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    id: string;
                                    name: string;
                                } | null;
                                changed: string[];
                                reason: string | null;
                            }[];
                            clients: {
                                clientId: string;
                                clientName: string;
                                deadline: {
                                    /** @description The 60 days after discovery came first */
                                    capped: boolean;
                                    delayedMs: number;
                                    /** Format: date-time */
                                    dueAt: string;
                                    dueOn: string;
                                    /** Format: date-time */
                                    windowDueAt: string;
                                };
                                /** @description The count set by hand, or else the patient references in scope */
                                individuals: number;
                                individualsSetByHand: boolean;
                                notices: {
                                    clientId: string;
                                    /** Format: date-time */
                                    generatedAt: string;
                                    generatedBy: {
                                        id: string;
                                        name: string;
                                    } | null;
                                    id: string;
                                    previousId: string | null;
                                    sent: {
                                        /** Format: date-time */
                                        at: string;
                                        by: {
                                            id: string;
                                            name: string;
                                        } | null;
                                        late: boolean;
                                        lateReason: string | null;
                                        to: string;
                                        via: "email" | "mail" | "fax" | "portal" | "phone" | "in_person";
                                    } | null;
                                    /** @description 1: the notice; 2 and on: supplemental notices, each linked to the one before */
                                    sequence: number;
                                    /** @description Of the letter as Markdown */
                                    sha256: string;
                                }[];
                                noticeState: "due" | "overdue" | "sent" | "sent_late" | "not_owed";
                                obligation: "owed" | "presumed" | "not_owed";
                                origin: "derived" | "added";
                                reason: string | null;
                                removed: boolean;
                                terms: {
                                    baaId: string | null;
                                    trigger: "breach" | "impermissible_use" | "security_incident";
                                    unit: "calendar_days" | "business_days" | "hours";
                                    window: number;
                                };
                                timeZone: string;
                            }[];
                            closedAt: string | null;
                            closeReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            determination: ("breach" | "low_probability" | "excluded") | null;
                            /** Format: date-time */
                            discoveredAt: string;
                            hhs: {
                                breachType: "Hacking/IT Incident" | "Improper Disposal" | "Loss" | "Theft" | "Unauthorized Access/Disclosure" | "Other";
                                location: "Desktop Computer" | "Electronic Medical Record" | "Email" | "Laptop" | "Network Server" | "Other Portable Electronic Devices" | "Paper/Films" | "Other";
                                phiTypes: ("Clinical" | "Demographic" | "Financial" | "Other")[];
                            };
                            id: string;
                            individuals: number;
                            lawEnforcementDelay: {
                                agency: string | null;
                                kind: "written" | "oral";
                                /** Format: date-time */
                                statedAt: string;
                                /** Format: date-time */
                                until: string;
                            } | null;
                            occurredFrom: string | null;
                            occurredTo: string | null;
                            owner: {
                                id: string;
                                name: string;
                            } | null;
                            patients: {
                                clientId: string;
                                events: number;
                                origin: "derived" | "added";
                                patientRef: string;
                                reason: string | null;
                                removed: boolean;
                            }[];
                            ref: string;
                            /** Format: date-time */
                            reportedAt: string;
                            reportedBy: {
                                id: string;
                                name: string;
                            } | null;
                            source: {
                                id: string | null;
                                type: "task" | "alert" | "vendor" | "manual";
                            };
                            status: "reported" | "assessing" | "determined" | "notifying" | "closed";
                            subjectUser: {
                                id: string;
                                name: string;
                            } | null;
                            type: "misdirected_disclosure" | "wrong_number_voicemail" | "lost_device" | "stolen_device" | "unauthorized_access" | "vendor_incident" | "other";
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/scope/derive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Derive the scope again from the audit trail (edits are kept) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every version, newest first; a signed one never changes */
                            assessments: {
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                determination: ("breach" | "low_probability" | "excluded") | null;
                                exclusions: {
                                    authorizedPersons: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    encryptionSafeHarbor: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    unableToRetain: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                    workforceGoodFaith: {
                                        applies: boolean;
                                        reasoning: string | null;
                                    };
                                };
                                factors: {
                                    acquired: {
                                        answer: ("acquired" | "viewed" | "not_acquired" | "unknown") | null;
                                        text: string | null;
                                    };
                                    mitigation: {
                                        text: string | null;
                                    };
                                    nature: {
                                        categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                                        extent: string | null;
                                    };
                                    recipient: {
                                        text: string | null;
                                    };
                                };
                                id: string;
                                reasoning: string | null;
                                signedAt: string | null;
                                signedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                            /** @description The data categories the trail shows were touched */
                            categories: ("operational" | "contact" | "identity" | "clinical" | "billing" | "recording")[];
                            /** @description What changed and why, newest first */
                            changes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    id: string;
                                    name: string;
                                } | null;
                                changed: string[];
                                reason: string | null;
                            }[];
                            clients: {
                                clientId: string;
                                clientName: string;
                                deadline: {
                                    /** @description The 60 days after discovery came first */
                                    capped: boolean;
                                    delayedMs: number;
                                    /** Format: date-time */
                                    dueAt: string;
                                    dueOn: string;
                                    /** Format: date-time */
                                    windowDueAt: string;
                                };
                                /** @description The count set by hand, or else the patient references in scope */
                                individuals: number;
                                individualsSetByHand: boolean;
                                notices: {
                                    clientId: string;
                                    /** Format: date-time */
                                    generatedAt: string;
                                    generatedBy: {
                                        id: string;
                                        name: string;
                                    } | null;
                                    id: string;
                                    previousId: string | null;
                                    sent: {
                                        /** Format: date-time */
                                        at: string;
                                        by: {
                                            id: string;
                                            name: string;
                                        } | null;
                                        late: boolean;
                                        lateReason: string | null;
                                        to: string;
                                        via: "email" | "mail" | "fax" | "portal" | "phone" | "in_person";
                                    } | null;
                                    /** @description 1: the notice; 2 and on: supplemental notices, each linked to the one before */
                                    sequence: number;
                                    /** @description Of the letter as Markdown */
                                    sha256: string;
                                }[];
                                noticeState: "due" | "overdue" | "sent" | "sent_late" | "not_owed";
                                obligation: "owed" | "presumed" | "not_owed";
                                origin: "derived" | "added";
                                reason: string | null;
                                removed: boolean;
                                terms: {
                                    baaId: string | null;
                                    trigger: "breach" | "impermissible_use" | "security_incident";
                                    unit: "calendar_days" | "business_days" | "hours";
                                    window: number;
                                };
                                timeZone: string;
                            }[];
                            closedAt: string | null;
                            closeReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            determination: ("breach" | "low_probability" | "excluded") | null;
                            /** Format: date-time */
                            discoveredAt: string;
                            hhs: {
                                breachType: "Hacking/IT Incident" | "Improper Disposal" | "Loss" | "Theft" | "Unauthorized Access/Disclosure" | "Other";
                                location: "Desktop Computer" | "Electronic Medical Record" | "Email" | "Laptop" | "Network Server" | "Other Portable Electronic Devices" | "Paper/Films" | "Other";
                                phiTypes: ("Clinical" | "Demographic" | "Financial" | "Other")[];
                            };
                            id: string;
                            individuals: number;
                            lawEnforcementDelay: {
                                agency: string | null;
                                kind: "written" | "oral";
                                /** Format: date-time */
                                statedAt: string;
                                /** Format: date-time */
                                until: string;
                            } | null;
                            occurredFrom: string | null;
                            occurredTo: string | null;
                            owner: {
                                id: string;
                                name: string;
                            } | null;
                            patients: {
                                clientId: string;
                                events: number;
                                origin: "derived" | "added";
                                patientRef: string;
                                reason: string | null;
                                removed: boolean;
                            }[];
                            ref: string;
                            /** Format: date-time */
                            reportedAt: string;
                            reportedBy: {
                                id: string;
                                name: string;
                            } | null;
                            source: {
                                id: string | null;
                                type: "task" | "alert" | "vendor" | "manual";
                            };
                            status: "reported" | "assessing" | "determined" | "notifying" | "closed";
                            subjectUser: {
                                id: string;
                                name: string;
                            } | null;
                            type: "misdirected_disclosure" | "wrong_number_voicemail" | "lost_device" | "stolen_device" | "unauthorized_access" | "vendor_incident" | "other";
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/breach-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The breach log of a year (the client's calendar year of discovery), per client: format=csv for a spreadsheet */
        get: {
            parameters: {
                query: {
                    /** @description Identifier */
                    clientId?: string;
                    format?: "json" | "csv";
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                clientId: string;
                                clientName: string;
                                determination: ("breach" | "low_probability" | "excluded") | null;
                                discoveredOn: string;
                                hhsBreachType: "Hacking/IT Incident" | "Improper Disposal" | "Loss" | "Theft" | "Unauthorized Access/Disclosure" | "Other";
                                hhsLocation: "Desktop Computer" | "Electronic Medical Record" | "Email" | "Laptop" | "Network Server" | "Other Portable Electronic Devices" | "Paper/Films" | "Other";
                                incidentRef: string;
                                individuals: number;
                                noticeSentOn: string | null;
                                occurredFrom: string | null;
                                occurredTo: string | null;
                                phiTypes: ("Clinical" | "Demographic" | "Financial" | "Other")[];
                                status: "reported" | "assessing" | "determined" | "notifying" | "closed";
                                type: "misdirected_disclosure" | "wrong_number_voicemail" | "lost_device" | "stolen_device" | "unauthorized_access" | "vendor_incident" | "other";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every notice still owed, soonest first, overdue ones included */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                clientId: string;
                                clientName: string;
                                /** Format: date-time */
                                dueAt: string;
                                dueOn: string;
                                hoursLeft: number;
                                incidentId: string;
                                obligation: "owed" | "presumed";
                                ref: string;
                                state: "due" | "overdue";
                                /** @description The client's time zone: a window in days ends at its local midnight */
                                timeZone: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notification channels (never their credentials) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                /** Format: date-time */
                                createdAt: string;
                                enabled: boolean;
                                fromAddress: string;
                                /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                                gate: {
                                    open: boolean;
                                    reason: string | null;
                                };
                                /** @description Credentials are stored (encrypted); they are never sent back */
                                hasCredentials: boolean;
                                host: string;
                                id: string;
                                /** @enum {string} */
                                kind: "email";
                                port: number;
                                secure: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                                vendor: {
                                    id: string;
                                    name: string;
                                };
                            } | {
                                accountSid: string;
                                baseUrl: string;
                                /** Format: date-time */
                                createdAt: string;
                                enabled: boolean;
                                fromNumber: string;
                                /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                                gate: {
                                    open: boolean;
                                    reason: string | null;
                                };
                                /** @description Credentials are stored (encrypted); they are never sent back */
                                hasCredentials: boolean;
                                id: string;
                                /** @enum {string} */
                                kind: "sms";
                                /** @description Where the provider reports each message’s status (sent with every message); RINGFENCE_PUBLIC_URL must make it reachable */
                                statusCallbackUrl: string;
                                /** Format: date-time */
                                updatedAt: string;
                                vendor: {
                                    id: string;
                                    name: string;
                                };
                            } | {
                                /** Format: date-time */
                                createdAt: string;
                                enabled: boolean;
                                /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                                gate: {
                                    open: boolean;
                                    reason: string | null;
                                };
                                /** @description Credentials are stored (encrypted); they are never sent back */
                                hasCredentials: boolean;
                                id: string;
                                /** @enum {string} */
                                kind: "webhook";
                                /** Format: date-time */
                                secretSetAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                vendor: {
                                    id: string;
                                    name: string;
                                };
                            })[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Set up a channel (disabled until enabled): e-mail (host, port, secure, fromAddress, credentials), SMS (baseUrl, accountSid, fromNumber, authToken) or webhook (its signing secret is made and answered this once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The provider account’s id (Twilio: AC…) */
                        accountSid?: string;
                        /** @description The provider’s auth token, stored encrypted; also verifies its status callbacks */
                        authToken?: string;
                        /** @description The SMS API’s address (default https://api.twilio.com) */
                        baseUrl?: string;
                        /** @description SMTP credentials, stored encrypted; null for none */
                        credentials?: {
                            password: string;
                            username: string;
                        } | null;
                        /** Format: email */
                        fromAddress?: string;
                        /** @description The sending number (SMS) */
                        fromNumber?: string;
                        /** @description SMTP host name or address */
                        host?: string;
                        kind: "email" | "sms" | "webhook";
                        port?: number;
                        secure?: boolean;
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        vendorId: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            fromAddress: string;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            host: string;
                            id: string;
                            /** @enum {string} */
                            kind: "email";
                            port: number;
                            secure: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        } | {
                            accountSid: string;
                            baseUrl: string;
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            fromNumber: string;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "sms";
                            /** @description Where the provider reports each message’s status (sent with every message); RINGFENCE_PUBLIC_URL must make it reachable */
                            statusCallbackUrl: string;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        } | {
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "webhook";
                            /** Format: date-time */
                            secretSetAt: string;
                            /** @description The signing secret, shown this once: give it to the receiver, which verifies x-ringfence-signature with it */
                            signingSecret: string;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One notification channel */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            fromAddress: string;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            host: string;
                            id: string;
                            /** @enum {string} */
                            kind: "email";
                            port: number;
                            secure: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        } | {
                            accountSid: string;
                            baseUrl: string;
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            fromNumber: string;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "sms";
                            /** @description Where the provider reports each message’s status (sent with every message); RINGFENCE_PUBLIC_URL must make it reachable */
                            statusCallbackUrl: string;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        } | {
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "webhook";
                            /** Format: date-time */
                            secretSetAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the channel’s vendor, settings or credentials (absent credentials are kept); a setting of another kind is refused */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The provider account’s id (Twilio: AC…) */
                        accountSid?: string;
                        /** @description The provider’s auth token, stored encrypted; also verifies its status callbacks */
                        authToken?: string;
                        /** @description The SMS API’s address (default https://api.twilio.com) */
                        baseUrl?: string;
                        /** @description SMTP credentials, stored encrypted; null for none */
                        credentials?: {
                            password: string;
                            username: string;
                        } | null;
                        /** Format: email */
                        fromAddress?: string;
                        /** @description The sending number (SMS) */
                        fromNumber?: string;
                        /** @description SMTP host name or address */
                        host?: string;
                        port?: number;
                        secure?: boolean;
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        vendorId?: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            fromAddress: string;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            host: string;
                            id: string;
                            /** @enum {string} */
                            kind: "email";
                            port: number;
                            secure: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        } | {
                            accountSid: string;
                            baseUrl: string;
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            fromNumber: string;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "sms";
                            /** @description Where the provider reports each message’s status (sent with every message); RINGFENCE_PUBLIC_URL must make it reachable */
                            statusCallbackUrl: string;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        } | {
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "webhook";
                            /** Format: date-time */
                            secretSetAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/notification-channels/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable the channel: nothing more is sent through it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            fromAddress: string;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            host: string;
                            id: string;
                            /** @enum {string} */
                            kind: "email";
                            port: number;
                            secure: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        } | {
                            accountSid: string;
                            baseUrl: string;
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            fromNumber: string;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "sms";
                            /** @description Where the provider reports each message’s status (sent with every message); RINGFENCE_PUBLIC_URL must make it reachable */
                            statusCallbackUrl: string;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        } | {
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "webhook";
                            /** Format: date-time */
                            secretSetAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-channels/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable the channel: refused unless its vendor handles PHI under a BAA in effect */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            fromAddress: string;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            host: string;
                            id: string;
                            /** @enum {string} */
                            kind: "email";
                            port: number;
                            secure: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        } | {
                            accountSid: string;
                            baseUrl: string;
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            fromNumber: string;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "sms";
                            /** @description Where the provider reports each message’s status (sent with every message); RINGFENCE_PUBLIC_URL must make it reachable */
                            statusCallbackUrl: string;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        } | {
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "webhook";
                            /** Format: date-time */
                            secretSetAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-channels/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a webhook channel’s signing secret; the new one is answered this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            /** @description Whether the vendor may carry messages today (active, handles PHI, a BAA in effect), and why not */
                            gate: {
                                open: boolean;
                                reason: string | null;
                            };
                            /** @description Credentials are stored (encrypted); they are never sent back */
                            hasCredentials: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "webhook";
                            /** Format: date-time */
                            secretSetAt: string;
                            /** @description The signing secret, shown this once: give it to the receiver, which verifies x-ringfence-signature with it */
                            signingSecret: string;
                            /** Format: date-time */
                            updatedAt: string;
                            vendor: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-channels/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test message now: to an e-mail address (or your own), an SMS number, or a webhook URL, as the channel’s kind needs; a refusal (vendor gate, provider) is the answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        to?: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notificationId: string;
                            providerId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-channels/vendors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Vendors recorded as providing a channel kind’s service (e-mail by default; SMS; webhooks under “other”), to choose a channel’s vendor from */
        get: {
            parameters: {
                query?: {
                    kind?: "email" | "sms" | "webhook";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                handlesPhi: boolean;
                                id: string;
                                name: string;
                                status: "active" | "inactive";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/sms-status/{channelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** SMS status callback (Twilio-shaped), verified by X-Twilio-Signature over the URL and parameters; unsigned or unknown: 403 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    channelId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ErrorCode?: string;
                        MessageSid?: string;
                        MessageStatus?: string;
                        SmsSid?: string;
                        SmsStatus?: string;
                    } & {
                        [key: string]: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List patients (references and operational fields only) */
        get: {
            parameters: {
                query?: {
                    /** @description Identifier */
                    clientId?: string;
                    limit?: number;
                    offset?: number;
                    sort?: "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt" | "ref" | "-ref";
                    status?: "active" | "merged";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                clientId: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                mergedIntoRef: string | null;
                                /** @description Names of the PHI fields that hold a value */
                                present: string[];
                                /** @description Opaque patient reference, e.g. P-7F3K2Q */
                                ref: string;
                                source: "manual" | "practice_system" | "integration";
                                status: "active" | "merged";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            limit: number;
                            offset: number;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a patient to a client’s directory */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: {
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            city: string;
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            line1: string;
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            line2?: string;
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            postalCode: string;
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            state: string;
                        };
                        /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                        callbackWindow?: string;
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        clientId: string;
                        /** @description YYYY-MM-DD */
                        dateOfBirth?: string;
                        /** Format: email */
                        email?: string;
                        /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                        fhirPatientId?: string;
                        identifiers?: {
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            system: string;
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            value: string;
                        }[];
                        /** @description PHI (billing): encrypted under the client's key, read only with the billing category */
                        insuranceMemberId?: string;
                        /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                        mrn?: string;
                        name: {
                            /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                            family: string;
                            /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                            given: string;
                        };
                        /** @description PHI (clinical): encrypted under the client's key, read only with the clinical category */
                        notes?: string;
                        phones?: {
                            /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                            number: string;
                            type: "mobile" | "home" | "work" | "other";
                        }[];
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            patient: {
                                clientId: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                mergedIntoRef: string | null;
                                /** @description Names of the PHI fields that hold a value */
                                present: string[];
                                /** @description Opaque patient reference, e.g. P-7F3K2Q */
                                ref: string;
                                source: "manual" | "practice_system" | "integration";
                                status: "active" | "merged";
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            possibleDuplicates: {
                                id: string;
                                ref: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One patient (reference and operational fields) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            mergedIntoRef: string | null;
                            /** @description Names of the PHI fields that hold a value */
                            present: string[];
                            /** @description Opaque patient reference, e.g. P-7F3K2Q */
                            ref: string;
                            source: "manual" | "practice_system" | "integration";
                            status: "active" | "merged";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a patient’s fields (null removes one) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: {
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            city: string;
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            line1: string;
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            line2?: string;
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            postalCode: string;
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            state: string;
                        } | null;
                        callbackWindow?: string | null;
                        dateOfBirth?: string | null;
                        email?: string | null;
                        fhirPatientId?: string | null;
                        identifiers?: {
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            system: string;
                            /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                            value: string;
                        }[] | null;
                        insuranceMemberId?: string | null;
                        mrn?: string | null;
                        name?: {
                            /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                            family: string;
                            /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                            given: string;
                        };
                        notes?: string | null;
                        phones?: {
                            /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                            number: string;
                            type: "mobile" | "home" | "work" | "other";
                        }[] | null;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            mergedIntoRef: string | null;
                            /** @description Names of the PHI fields that hold a value */
                            present: string[];
                            /** @description Opaque patient reference, e.g. P-7F3K2Q */
                            ref: string;
                            source: "manual" | "practice_system" | "integration";
                            status: "active" | "merged";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/patients/{id}/access-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A patient's access history: every audit event about them, newest first (keyset paging)
         * @description Reads, reveals, search hits, callbacks handed out, pages to the on-call provider, exports and emergency access of the patient (and of records merged into it), each with who, their roles now, what fields and why. Pass `nextBefore` as `before` for the next page. Each page shown is itself an `audit.patient_history_viewed` event. A patient of a client the caller’s audit permission does not reach is not found.
         */
        get: {
            parameters: {
                query?: {
                    /** @description An action (auth.login.failed), or a family: auth, or auth.login. */
                    action?: string;
                    /** @description The nextBefore of the previous page: the page continues after that item */
                    before?: number;
                    /** @description Inclusive */
                    from?: string;
                    limit?: number;
                    /** @description Exclusive */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            hasMore: boolean;
                            items: {
                                action: string;
                                actor: {
                                    email: string | null;
                                    id: string | null;
                                    name: string | null;
                                    /** @description The person's roles now (names), not necessarily at the time of the event */
                                    roles: string[];
                                    type: "user" | "token" | "system";
                                };
                                /** @description The data categories of the fields */
                                categories: string[];
                                /** @description What happened, in a sentence (no PHI) */
                                description: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                fields: string[] | null;
                                id: number;
                                kind: "access" | "disclosure" | "change" | "activity";
                                /** Format: date-time */
                                occurredAt: string;
                                outcome: "success" | "failure";
                                /** @description The reference the event names: this record’s, or a record merged into it */
                                patientRef: string;
                                purpose: string | null;
                                recipient: string | null;
                                resourceId: string | null;
                                resourceType: string | null;
                                sealed: boolean;
                            }[];
                            limit: number;
                            /** @description Pass as before for the next page; null on the last page */
                            nextBefore: number | null;
                            patient: {
                                clientId: string;
                                clientName: string;
                                id: string;
                                ref: string;
                                /** @description This record’s reference and those of records merged into it */
                                refs: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/disclosures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a patient's accounting of disclosures for a period, as PDF or CSV
         * @description Each access and disclosure with `from` <= time < `to` (at most six years), oldest first: when (on the client’s clock), who and their roles or the recipient, what (field names and categories), the purpose and the action. The patient is named by reference only. `format` is `pdf` (default) or `csv` (heading as lines starting with #, then a header row). Streamed as it is read; the download is itself an `audit.disclosures_exported` event.
         */
        get: {
            parameters: {
                query: {
                    format?: "pdf" | "csv";
                    from: string;
                    to: string;
                };
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description The accounting: a PDF document or CSV text */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge a duplicate record of the same client into this one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        duplicateId: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            mergedIntoRef: string | null;
                            /** @description Names of the PHI fields that hold a value */
                            present: string[];
                            /** @description Opaque patient reference, e.g. P-7F3K2Q */
                            ref: string;
                            source: "manual" | "practice_system" | "integration";
                            status: "active" | "merged";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal PHI fields of a patient for a stated purpose (audited as phi.read) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fields: ("name" | "phones" | "email" | "callbackWindow" | "dateOfBirth" | "address" | "mrn" | "identifiers" | "fhirPatientId" | "insuranceMemberId" | "notes")[];
                        purpose: "callback" | "identity_verification" | "intake" | "care_coordination" | "record_correction" | "quality_review" | "compliance_review";
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            fields: {
                                address?: {
                                    /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                    city: string;
                                    /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                    line1: string;
                                    /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                    line2?: string;
                                    /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                    postalCode: string;
                                    /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                    state: string;
                                };
                                /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                                callbackWindow?: string;
                                /** @description YYYY-MM-DD */
                                dateOfBirth?: string;
                                /** Format: email */
                                email?: string;
                                /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                fhirPatientId?: string;
                                identifiers?: {
                                    /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                    system: string;
                                    /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                    value: string;
                                }[];
                                /** @description PHI (billing): encrypted under the client's key, read only with the billing category */
                                insuranceMemberId?: string;
                                /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                mrn?: string;
                                name?: {
                                    /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                                    family: string;
                                    /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                                    given: string;
                                };
                                /** @description PHI (clinical): encrypted under the client's key, read only with the clinical category */
                                notes?: string;
                                phones?: {
                                    /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                                    number: string;
                                    type: "mobile" | "home" | "work" | "other";
                                }[];
                            };
                            id: string;
                            ref: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A patient's callbacks, attempts, pages and acknowledgements in order (operational facts only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            entries: {
                                /** Format: date-time */
                                at: string;
                                event: string | null;
                                kind: "callback" | "attempt" | "completed" | "urgent" | "page";
                                messageId: string | null;
                                /** @description Operational words only: statuses, outcome codes, names of staff */
                                summary: string;
                                taskId: string | null;
                                who: string | null;
                            }[];
                            patientId: string;
                            patientRef: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/practice-import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a practice record into the directory, or link it to an existing record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        clientId: string;
                        /** @description FHIR logical id */
                        fhirId: string;
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        linkToId?: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            mergedIntoRef: string | null;
                            /** @description Names of the PHI fields that hold a value */
                            present: string[];
                            /** @description Opaque patient reference, e.g. P-7F3K2Q */
                            ref: string;
                            source: "manual" | "practice_system" | "integration";
                            status: "active" | "merged";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/practice-search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search the client’s practice system by identifier, phone, or name and birth date (audited as phi.read) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description YYYY-MM-DD */
                        birthDate?: string;
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        clientId: string;
                        family?: string;
                        given?: string;
                        identifier?: {
                            system?: string;
                            value: string;
                        };
                        phone?: string;
                        purpose: "callback" | "identity_verification" | "intake" | "care_coordination" | "record_correction" | "quality_review" | "compliance_review";
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                fhirId: string;
                                fields: {
                                    address?: {
                                        /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                        city: string;
                                        /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                        line1: string;
                                        /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                        line2?: string;
                                        /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                        postalCode: string;
                                        /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                        state: string;
                                    };
                                    /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                                    callbackWindow?: string;
                                    /** @description YYYY-MM-DD */
                                    dateOfBirth?: string;
                                    /** Format: email */
                                    email?: string;
                                    /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                    fhirPatientId?: string;
                                    identifiers?: {
                                        /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                        system: string;
                                        /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                        value: string;
                                    }[];
                                    /** @description PHI (billing): encrypted under the client's key, read only with the billing category */
                                    insuranceMemberId?: string;
                                    /** @description PHI (identity): encrypted under the client's key, read only with the identity category */
                                    mrn?: string;
                                    name?: {
                                        /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                                        family: string;
                                        /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                                        given: string;
                                    };
                                    /** @description PHI (clinical): encrypted under the client's key, read only with the clinical category */
                                    notes?: string;
                                    phones?: {
                                        /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                                        number: string;
                                        type: "mobile" | "home" | "work" | "other";
                                    }[];
                                };
                                linked: {
                                    id: string;
                                    ref: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find patients of a client by phone (any format), MRN, reference, or family name and date of birth
         * @description Matches through keyed blind indexes; nothing is decrypted. Answers carry references only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        clientId: string;
                        /** @description YYYY-MM-DD */
                        dateOfBirth?: string;
                        family?: string;
                        given?: string;
                        mrn?: string;
                        phone?: string;
                        ref?: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                clientId: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                match: "exact" | "partial";
                                mergedIntoRef: string | null;
                                /** @description Names of the PHI fields that hold a value */
                                present: string[];
                                /** @description Opaque patient reference, e.g. P-7F3K2Q */
                                ref: string;
                                source: "manual" | "practice_system" | "integration";
                                status: "active" | "merged";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/contact-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's contact points for pages (their own, or an administrator's view) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                address: string;
                                codePending: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                kind: "email" | "sms" | "webhook";
                                position: number;
                                verified: boolean;
                                verifiedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a contact point; a verification code is sent through it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A work e-mail address, a mobile number, or a webhook URL (staff contact, never PHI) */
                        address: string;
                        kind: "email" | "sms" | "webhook";
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            codePending: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            kind: "email" | "sms" | "webhook";
                            position: number;
                            verified: boolean;
                            verifiedAt: string | null;
                        } & {
                            codeSent: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/contact-points/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a contact point */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    contactId: string;
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/contact-points/{contactId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a contact point a new verification code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    contactId: string;
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            codeSent: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/contact-points/{contactId}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Type back the code a contact point received */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    contactId: string;
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The 6-digit code sent to the contact point */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            codePending: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            kind: "email" | "sms" | "webhook";
                            position: number;
                            verified: boolean;
                            verifiedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/contact-points/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Put contact points in the order pages try them */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                address: string;
                                codePending: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                kind: "email" | "sms" | "webhook";
                                position: number;
                                verified: boolean;
                                verifiedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The queues of your clients */
        get: {
            parameters: {
                query?: {
                    /** @description Identifier */
                    clientId?: string;
                    status?: "active" | "archived";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assignmentMode: "pull" | "push";
                                clientId: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                name: string;
                                /** @description Place in the client's list, from 0 */
                                position: number;
                                status: "active" | "archived";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a queue to a client */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        clientId: string;
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        name: string;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignmentMode: "pull" | "push";
                            clientId: string;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            name: string;
                            /** @description Place in the client's list, from 0 */
                            position: number;
                            status: "active" | "archived";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/queues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One queue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignmentMode: "pull" | "push";
                            clientId: string;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            name: string;
                            /** @description Place in the client's list, from 0 */
                            position: number;
                            status: "active" | "archived";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename or archive a queue, or switch it between pull (agents take work) and push (handed round-robin to agents on duty) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assignmentMode?: "pull" | "push";
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        name?: string;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        status?: "active" | "archived";
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignmentMode: "pull" | "push";
                            clientId: string;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            name: string;
                            /** @description Place in the client's list, from 0 */
                            position: number;
                            status: "active" | "archived";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/queues/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Put a client's queues in order (the order they are listed and offered in) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        clientId: string;
                        /** @description Every queue of the client, each once, in the new order */
                        queueIds: string[];
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assignmentMode: "pull" | "push";
                                clientId: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                name: string;
                                /** @description Place in the client's list, from 0 */
                                position: number;
                                status: "active" | "archived";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recordings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recordings of your clients, newest first: of a task, a patient reference or a client */
        get: {
            parameters: {
                query?: {
                    /** @description Identifier */
                    clientId?: string;
                    patientRef?: string;
                    /** @description Identifier */
                    taskId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                agentId: string | null;
                                callId: string | null;
                                clientId: string;
                                contentType: "audio/mpeg" | "audio/wav" | "audio/x-wav" | "audio/ogg" | "audio/webm" | "audio/mp4" | "audio/aac" | "audio/flac";
                                /** Format: date-time */
                                createdAt: string;
                                direction: "inbound" | "outbound";
                                durationSeconds: number | null;
                                id: string;
                                patientRef: string | null;
                                /** Format: date-time */
                                retentionUntil: string;
                                sizeBytes: number;
                                source: "upload" | "telephony";
                                status: "stored" | "destroyed";
                                taskId: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Store a call recording: the audio as the body (Content-Type audio/…), encrypted as it streams in */
        post: {
            parameters: {
                query: {
                    /** @description The telephony side's call id */
                    callId?: string;
                    /** @description Identifier */
                    clientId: string;
                    direction?: "inbound" | "outbound";
                    durationSeconds?: number;
                    /** @description Identifier */
                    taskId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agentId: string | null;
                            callId: string | null;
                            clientId: string;
                            contentType: "audio/mpeg" | "audio/wav" | "audio/x-wav" | "audio/ogg" | "audio/webm" | "audio/mp4" | "audio/aac" | "audio/flac";
                            /** Format: date-time */
                            createdAt: string;
                            direction: "inbound" | "outbound";
                            durationSeconds: number | null;
                            id: string;
                            patientRef: string | null;
                            /** Format: date-time */
                            retentionUntil: string;
                            sizeBytes: number;
                            source: "upload" | "telephony";
                            status: "stored" | "destroyed";
                            taskId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recordings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One recording’s metadata */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agentId: string | null;
                            callId: string | null;
                            clientId: string;
                            contentType: "audio/mpeg" | "audio/wav" | "audio/x-wav" | "audio/ogg" | "audio/webm" | "audio/mp4" | "audio/aac" | "audio/flac";
                            /** Format: date-time */
                            createdAt: string;
                            direction: "inbound" | "outbound";
                            durationSeconds: number | null;
                            id: string;
                            patientRef: string | null;
                            /** Format: date-time */
                            retentionUntil: string;
                            sizeBytes: number;
                            source: "upload" | "telephony";
                            status: "stored" | "destroyed";
                            taskId: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recordings/{id}/audio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Play the recording (HTTP ranges: seeking decrypts only the chunks needed); each playback is audited */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recordings/{id}/audio/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Play the recording by an explicit, logged reveal with its purpose (compliance) */
        get: {
            parameters: {
                query: {
                    purpose: "callback" | "identity_verification" | "intake" | "care_coordination" | "record_correction" | "quality_review" | "compliance_review";
                };
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your open reminders: your training before it lapses, and BAAs before they end for whoever keeps the records */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The client's, vendor's or course's name */
                                about: string;
                                daysLeft: number;
                                /** @description The day the agreement ends or the training lapses */
                                dueOn: string;
                                id: string;
                                kind: "baa_ending" | "training_expiring" | "oncall_gap" | "incident_notice";
                                message: string;
                                partyType: ("client" | "vendor") | null;
                                /** Format: date-time */
                                remindedAt: string;
                                /** @description The step this reminder belongs to: 60, 30 or 7 days before */
                                thresholdDays: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reminders/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a reminder seen (the next step still comes) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A client's callbacks over a period of its days (to inclusive, at most 13 months): figures, received and completed per day, and per agent; format=csv or pdf downloads it (export permission)
         * @description No patient appears in a report. Received: callbacks created in the period (the client’s days, in its time zone). Completed: of those, the ones now completed (any resolution, unreachable and declined included; cancelled ones are not). Within SLA: completed callbacks closed by their due time, as a share of the completed ones. Median time to first attempt: from creation to the first contact attempt, over the callbacks with an attempt. Attempts per callback: contact attempts on the period’s callbacks divided by the callbacks received. Unreachable: callbacks resolved as unreachable (the last allowed attempt reached no one). Escalated: callbacks escalated now, or with a wrong-number or disconnected attempt. Handled (per agent): the client’s callbacks the agent attempted, or held when they were completed, in the period. Median handling time (per agent): from the agent’s final claim of a callback to its completion, over the callbacks they completed with a claim on record. The period may cover at most 13 months.
         */
        get: {
            parameters: {
                query: {
                    /** @description Identifier */
                    clientId: string;
                    format?: "json" | "csv" | "pdf";
                    /** @description A day on the client's calendar, YYYY-MM-DD */
                    from: string;
                    /** @description A day on the client's calendar, YYYY-MM-DD */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agents: {
                                agentId: string;
                                completed: number;
                                displayName: string;
                                handled: number;
                                medianHandlingMinutes: number | null;
                            }[];
                            client: {
                                id: string;
                                name: string;
                                timeZone: string;
                            };
                            days: {
                                /** @description Of that day's callbacks, completed by now */
                                completed: number;
                                day: string;
                                received: number;
                            }[];
                            /** Format: date-time */
                            generatedAt: string;
                            period: {
                                from: string;
                                to: string;
                            };
                            summary: {
                                attempts: number;
                                attemptsPerCallback: number | null;
                                completed: number;
                                completedWithinSla: number;
                                escalated: number;
                                medianMinutesToFirstAttempt: number | null;
                                received: number;
                                unreachable: number;
                                withinSlaShare: number | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Roles and their permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string;
                            key: string;
                            name: string;
                            permissions: {
                                action: string;
                                categories: string[];
                                scope: string;
                                subject: string;
                            }[];
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether first-run setup is needed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            needed: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create the organization and its first administrator (once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        /** Format: email */
                        email: string;
                        orgName: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            orgId: string;
                            secret: string;
                            /** @description Enrol this in an authenticator app, then finish with POST /api/auth/mfa */
                            totpUri: string;
                            userId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/setup/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Getting started: the steps before the first callback, each ticked off from the records it needs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            done: boolean;
                            steps: {
                                done: boolean;
                                key: "client" | "queues" | "people" | "compliance" | "baa" | "training";
                                /** @description The console screen where the step is done */
                                path: string;
                                /** @description Where things stand, in a sentence */
                                status: string;
                                title: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tasks (operational fields and patient references only), most urgent first */
        get: {
            parameters: {
                query?: {
                    assignee?: "me" | "none" | string;
                    /** @description Identifier */
                    clientId?: string;
                    limit?: number;
                    offset?: number;
                    overdue?: boolean;
                    /** @description Identifier */
                    patientId?: string;
                    /** @description Identifier */
                    queueId?: string;
                    sort?: "dueAt" | "-dueAt" | "createdAt" | "-createdAt" | "priority" | "-priority" | "updatedAt" | "-updatedAt";
                    status?: ("open" | "claimed" | "waiting" | "escalated" | "completed" | "cancelled")[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assigneeId: string | null;
                                attemptCount: number;
                                callbackAfter: string | null;
                                callbackBefore: string | null;
                                claimedAt: string | null;
                                clientId: string;
                                closedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string;
                                id: string;
                                incidentFlag: string | null;
                                lastOutcome: string | null;
                                note: string | null;
                                /** @description Past its due time and not yet closed */
                                overdue: boolean;
                                parentTaskId: string | null;
                                patientId: string;
                                patientRef: string;
                                priority: "emergent" | "urgent" | "routine";
                                queueId: string;
                                /** Format: date-time */
                                readyAt: string;
                                reasonCode: string;
                                resolution: string | null;
                                status: "open" | "claimed" | "waiting" | "escalated" | "completed" | "cancelled";
                                title: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            limit: number;
                            offset: number;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Intake: create a callback task (optionally adding the patient in the same step)
         * @description Send an Idempotency-Key header to make retries safe: the same key and body return the first answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A key the caller picks per intake, so a retry creates nothing twice */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        callbackAfter?: string | null;
                        callbackBefore?: string | null;
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        clientId: string;
                        newPatient?: {
                            /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                            callbackWindow?: string;
                            /** @description YYYY-MM-DD */
                            dateOfBirth?: string;
                            /** Format: email */
                            email?: string;
                            name: {
                                /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                                family: string;
                                /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                                given: string;
                            };
                            phones?: {
                                /** @description PHI (contact): encrypted under the client's key, read only with the contact category */
                                number: string;
                                type: "mobile" | "home" | "work" | "other";
                            }[];
                        };
                        note?: string | null;
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        patientId?: string;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        priority: "emergent" | "urgent" | "routine";
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        queueId: string;
                        reasonCode: "refill" | "appointment" | "results" | "billing" | "clinical" | "other";
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        title: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            attemptCount: number;
                            callbackAfter: string | null;
                            callbackBefore: string | null;
                            claimedAt: string | null;
                            clientId: string;
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            id: string;
                            incidentFlag: string | null;
                            lastOutcome: string | null;
                            note: string | null;
                            /** @description Past its due time and not yet closed */
                            overdue: boolean;
                            parentTaskId: string | null;
                            patientId: string;
                            patientRef: string;
                            priority: "emergent" | "urgent" | "routine";
                            queueId: string;
                            /** Format: date-time */
                            readyAt: string;
                            reasonCode: string;
                            resolution: string | null;
                            status: "open" | "claimed" | "waiting" | "escalated" | "completed" | "cancelled";
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task with its attempt history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: {
                                agentId: string | null;
                                /** Format: date-time */
                                attemptedAt: string;
                                channel: string;
                                disclosure: "none" | "details_given";
                                id: string;
                                note: string | null;
                                number: number;
                                outcome: string;
                            }[];
                            /** @description How many clinical messages it carries */
                            messages: number;
                            task: {
                                assigneeId: string | null;
                                attemptCount: number;
                                callbackAfter: string | null;
                                callbackBefore: string | null;
                                claimedAt: string | null;
                                clientId: string;
                                closedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string;
                                id: string;
                                incidentFlag: string | null;
                                lastOutcome: string | null;
                                note: string | null;
                                /** @description Past its due time and not yet closed */
                                overdue: boolean;
                                parentTaskId: string | null;
                                patientId: string;
                                patientRef: string;
                                priority: "emergent" | "urgent" | "routine";
                                queueId: string;
                                /** Format: date-time */
                                readyAt: string;
                                reasonCode: string;
                                resolution: string | null;
                                status: "open" | "claimed" | "waiting" | "escalated" | "completed" | "cancelled";
                                title: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/assignees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The people this callback can be assigned to: active agents and supervisors of its client with current training (none while the client has no BAA in effect) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                displayName: string;
                                id: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log a contact attempt; the task moves on per the client’s policy */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        channel: "phone" | "sms" | "voicemail" | "portal";
                        disclosure?: "none" | "details_given";
                        note?: string | null;
                        outcome: "reached" | "voicemail_left" | "no_answer" | "busy" | "wrong_number" | "disconnected" | "declined";
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempt: {
                                agentId: string | null;
                                /** Format: date-time */
                                attemptedAt: string;
                                channel: string;
                                disclosure: "none" | "details_given";
                                id: string;
                                note: string | null;
                                number: number;
                                outcome: string;
                            };
                            task: {
                                assigneeId: string | null;
                                attemptCount: number;
                                callbackAfter: string | null;
                                callbackBefore: string | null;
                                claimedAt: string | null;
                                clientId: string;
                                closedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string;
                                id: string;
                                incidentFlag: string | null;
                                lastOutcome: string | null;
                                note: string | null;
                                /** @description Past its due time and not yet closed */
                                overdue: boolean;
                                parentTaskId: string | null;
                                patientId: string;
                                patientRef: string;
                                priority: "emergent" | "urgent" | "routine";
                                queueId: string;
                                /** Format: date-time */
                                readyAt: string;
                                reasonCode: string;
                                resolution: string | null;
                                status: "open" | "claimed" | "waiting" | "escalated" | "completed" | "cancelled";
                                title: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a task with a resolution, optionally chaining a follow-up for the same patient */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        followUp?: {
                            callbackAfter?: string | null;
                            callbackBefore?: string | null;
                            note?: string | null;
                            priority: "emergent" | "urgent" | "routine";
                            /**
                             * Format: uuid
                             * @description Identifier
                             */
                            queueId?: string;
                            reasonCode: "refill" | "appointment" | "results" | "billing" | "clinical" | "other";
                            /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                            title: string;
                        };
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        resolution: "resolved" | "information_given" | "appointment_made" | "refill_sent" | "transferred" | "unreachable" | "declined" | "duplicate" | "other";
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            followUp: {
                                assigneeId: string | null;
                                attemptCount: number;
                                callbackAfter: string | null;
                                callbackBefore: string | null;
                                claimedAt: string | null;
                                clientId: string;
                                closedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string;
                                id: string;
                                incidentFlag: string | null;
                                lastOutcome: string | null;
                                note: string | null;
                                /** @description Past its due time and not yet closed */
                                overdue: boolean;
                                parentTaskId: string | null;
                                patientId: string;
                                patientRef: string;
                                priority: "emergent" | "urgent" | "routine";
                                queueId: string;
                                /** Format: date-time */
                                readyAt: string;
                                reasonCode: string;
                                resolution: string | null;
                                status: "open" | "claimed" | "waiting" | "escalated" | "completed" | "cancelled";
                                title: string;
                                /** Format: date-time */
                                updatedAt: string;
                            } | null;
                            task: {
                                assigneeId: string | null;
                                attemptCount: number;
                                callbackAfter: string | null;
                                callbackBefore: string | null;
                                claimedAt: string | null;
                                clientId: string;
                                closedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                dueAt: string;
                                id: string;
                                incidentFlag: string | null;
                                lastOutcome: string | null;
                                note: string | null;
                                /** @description Past its due time and not yet closed */
                                overdue: boolean;
                                parentTaskId: string | null;
                                patientId: string;
                                patientRef: string;
                                priority: "emergent" | "urgent" | "routine";
                                queueId: string;
                                /** Format: date-time */
                                readyAt: string;
                                reasonCode: string;
                                resolution: string | null;
                                status: "open" | "claimed" | "waiting" | "escalated" | "completed" | "cancelled";
                                title: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a task’s clinical messages (logged as a PHI read) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string | null;
                                id: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a clinical message (symptoms, medication questions) to a task, encrypted in the vault */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description PHI (clinical): encrypted under the client's key, read only with the clinical category */
                        body: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a claimed task back to its queue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            attemptCount: number;
                            callbackAfter: string | null;
                            callbackBefore: string | null;
                            claimedAt: string | null;
                            clientId: string;
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            id: string;
                            incidentFlag: string | null;
                            lastOutcome: string | null;
                            note: string | null;
                            /** @description Past its due time and not yet closed */
                            overdue: boolean;
                            parentTaskId: string | null;
                            patientId: string;
                            patientRef: string;
                            priority: "emergent" | "urgent" | "routine";
                            queueId: string;
                            /** Format: date-time */
                            readyAt: string;
                            reasonCode: string;
                            resolution: string | null;
                            status: "open" | "claimed" | "waiting" | "escalated" | "completed" | "cancelled";
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/supervise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Supervision: escalate, cancel, assign to a person or return to the queue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        escalate: true;
                    } | {
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        cancel: string;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                    } | {
                        assigneeId: string | null;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            attemptCount: number;
                            callbackAfter: string | null;
                            callbackBefore: string | null;
                            claimedAt: string | null;
                            clientId: string;
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            id: string;
                            incidentFlag: string | null;
                            lastOutcome: string | null;
                            note: string | null;
                            /** @description Past its due time and not yet closed */
                            overdue: boolean;
                            parentTaskId: string | null;
                            patientId: string;
                            patientRef: string;
                            priority: "emergent" | "urgent" | "routine";
                            queueId: string;
                            /** Format: date-time */
                            readyAt: string;
                            reasonCode: string;
                            resolution: string | null;
                            status: "open" | "claimed" | "waiting" | "escalated" | "completed" | "cancelled";
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/claim-next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim the most urgent workable task of your clients (204 when there is none) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        clientId?: string;
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        queueId?: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            attemptCount: number;
                            callbackAfter: string | null;
                            callbackBefore: string | null;
                            claimedAt: string | null;
                            clientId: string;
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            id: string;
                            incidentFlag: string | null;
                            lastOutcome: string | null;
                            note: string | null;
                            /** @description Past its due time and not yet closed */
                            overdue: boolean;
                            parentTaskId: string | null;
                            patientId: string;
                            patientRef: string;
                            priority: "emergent" | "urgent" | "routine";
                            queueId: string;
                            /** Format: date-time */
                            readyAt: string;
                            reasonCode: string;
                            resolution: string | null;
                            status: "open" | "claimed" | "waiting" | "escalated" | "completed" | "cancelled";
                            title: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Nothing to claim */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientIds: string[] | null;
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            /** @description First characters of the token, to tell tokens apart */
                            prefix: string;
                            revokedAt: string | null;
                            scopes: string[];
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create an API token (the secret is shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        clientIds?: string[] | null;
                        expiresAt?: string | null;
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        name: string;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        scopes: string[];
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientIds: string[] | null;
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            /** @description First characters of the token, to tell tokens apart */
                            prefix: string;
                            revokedAt: string | null;
                            scopes: string[];
                            /** @description The secret; shown only now */
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientIds: string[] | null;
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            /** @description First characters of the token, to tell tokens apart */
                            prefix: string;
                            revokedAt: string | null;
                            scopes: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scopes a token can carry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string;
                            scope: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a completed course */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description YYYY-MM-DD */
                        completedOn: string;
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        courseId: string;
                        /** @description Operational text: must not contain PHI (checked by the PHI guard) */
                        evidence: string;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import completions from CSV (email, course, completed_on, evidence): dryRun=true previews; otherwise all rows or none */
        post: {
            parameters: {
                query?: {
                    dryRun?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: number;
                            invalid: number;
                            rows: {
                                completedOn: string;
                                course: string;
                                email: string;
                                errors: string[];
                                line: number;
                            }[];
                            valid: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your training: whether PHI is open to you and what to complete */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            courses: {
                                completedOn: string | null;
                                courseId: string;
                                expiresOn: string | null;
                                key: string;
                                name: string;
                                required: boolean;
                                state: "current" | "expired" | "missing";
                                validityMonths: number;
                            }[];
                            /** @description Every required course is current */
                            phiAccess: boolean;
                            /** @description The person's roles reach patient information, so the training gate applies to them */
                            reachesPhi: boolean;
                            userId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every active person's training: PHI access, courses missing or expired, the next expiry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                displayName: string;
                                lacking: string[];
                                nextExpiry: string | null;
                                phiAccess: boolean;
                                reachesPhi: boolean;
                                userId: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's training */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            courses: {
                                completedOn: string | null;
                                courseId: string;
                                expiresOn: string | null;
                                key: string;
                                name: string;
                                required: boolean;
                                state: "current" | "expired" | "missing";
                                validityMonths: number;
                            }[];
                            /** @description Every required course is current */
                            phiAccess: boolean;
                            /** @description The person's roles reach patient information, so the training gate applies to them */
                            reachesPhi: boolean;
                            userId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/urgent-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Urgent messages you may see: your inbox, the open ones, or those of a task or patient */
        get: {
            parameters: {
                query?: {
                    /** @description Identifier */
                    clientId?: string;
                    limit?: number;
                    /** @description Identifier */
                    patientId?: string;
                    /** @description Identifier */
                    taskId?: string;
                    view?: "inbox" | "open" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                acknowledgedAt: string | null;
                                acknowledgedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                clientId: string;
                                clientName: string;
                                closedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string | null;
                                decidedBy: ({
                                    /** @enum {string} */
                                    kind: "rule";
                                    rotationId: string;
                                    rotationName: string;
                                    shiftId: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "override";
                                    overrideId: string;
                                }) | null;
                                fallbackTaskId: string | null;
                                id: string;
                                mine: {
                                    acknowledgedAt: string | null;
                                    openedAt: string | null;
                                    readAt: string | null;
                                    role: "primary" | "backup" | "supervisor" | "escalation";
                                } | null;
                                next: {
                                    /** Format: date-time */
                                    at: string;
                                    kind: "page" | "exhausted";
                                    recipients: {
                                        name: string;
                                        role: "primary" | "backup" | "supervisor" | "escalation";
                                        userId: string;
                                    }[];
                                } | null;
                                patientId: string;
                                patientRef: string;
                                priority: "emergent" | "urgent";
                                readAt: string | null;
                                recipients: {
                                    acknowledgedAt: string | null;
                                    /** Format: date-time */
                                    firstNotifiedAt: string;
                                    name: string;
                                    openedAt: string | null;
                                    readAt: string | null;
                                    role: "primary" | "backup" | "supervisor" | "escalation";
                                    userId: string;
                                }[];
                                reference: string;
                                replies: {
                                    total: number;
                                    unhandled: number;
                                };
                                scheduleVersion: number;
                                status: "paging" | "read" | "acknowledged" | "exhausted" | "cancelled";
                                stopOn: "acknowledged" | "read";
                                taskId: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Page the on-call provider about a task or a patient (the message is encrypted; pages carry no PHI) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description PHI (clinical): encrypted under the client's key, read only with the clinical category */
                        body?: string;
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        patientId?: string;
                        priority?: "emergent" | "urgent";
                        /**
                         * Format: uuid
                         * @description Identifier
                         */
                        taskId?: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            acknowledgedBy: {
                                id: string;
                                name: string;
                            } | null;
                            clientId: string;
                            clientName: string;
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            decidedBy: ({
                                /** @enum {string} */
                                kind: "rule";
                                rotationId: string;
                                rotationName: string;
                                shiftId: string;
                            } | {
                                /** @enum {string} */
                                kind: "override";
                                overrideId: string;
                            }) | null;
                            fallbackTaskId: string | null;
                            id: string;
                            mine: {
                                acknowledgedAt: string | null;
                                openedAt: string | null;
                                readAt: string | null;
                                role: "primary" | "backup" | "supervisor" | "escalation";
                            } | null;
                            next: {
                                /** Format: date-time */
                                at: string;
                                kind: "page" | "exhausted";
                                recipients: {
                                    name: string;
                                    role: "primary" | "backup" | "supervisor" | "escalation";
                                    userId: string;
                                }[];
                            } | null;
                            patientId: string;
                            patientRef: string;
                            priority: "emergent" | "urgent";
                            readAt: string | null;
                            recipients: {
                                acknowledgedAt: string | null;
                                /** Format: date-time */
                                firstNotifiedAt: string;
                                name: string;
                                openedAt: string | null;
                                readAt: string | null;
                                role: "primary" | "backup" | "supervisor" | "escalation";
                                userId: string;
                            }[];
                            reference: string;
                            replies: {
                                total: number;
                                unhandled: number;
                            };
                            scheduleVersion: number;
                            status: "paging" | "read" | "acknowledged" | "exhausted" | "cancelled";
                            stopOn: "acknowledged" | "read";
                            taskId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/urgent-messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One urgent message: status, recipients and times (no clinical content) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            acknowledgedBy: {
                                id: string;
                                name: string;
                            } | null;
                            clientId: string;
                            clientName: string;
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            decidedBy: ({
                                /** @enum {string} */
                                kind: "rule";
                                rotationId: string;
                                rotationName: string;
                                shiftId: string;
                            } | {
                                /** @enum {string} */
                                kind: "override";
                                overrideId: string;
                            }) | null;
                            fallbackTaskId: string | null;
                            id: string;
                            mine: {
                                acknowledgedAt: string | null;
                                openedAt: string | null;
                                readAt: string | null;
                                role: "primary" | "backup" | "supervisor" | "escalation";
                            } | null;
                            next: {
                                /** Format: date-time */
                                at: string;
                                kind: "page" | "exhausted";
                                recipients: {
                                    name: string;
                                    role: "primary" | "backup" | "supervisor" | "escalation";
                                    userId: string;
                                }[];
                            } | null;
                            patientId: string;
                            patientRef: string;
                            priority: "emergent" | "urgent";
                            readAt: string | null;
                            recipients: {
                                acknowledgedAt: string | null;
                                /** Format: date-time */
                                firstNotifiedAt: string;
                                name: string;
                                openedAt: string | null;
                                readAt: string | null;
                                role: "primary" | "backup" | "supervisor" | "escalation";
                                userId: string;
                            }[];
                            reference: string;
                            replies: {
                                total: number;
                                unhandled: number;
                            };
                            scheduleVersion: number;
                            status: "paging" | "read" | "acknowledged" | "exhausted" | "cancelled";
                            stopOn: "acknowledged" | "read";
                            taskId: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/urgent-messages/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge the message: the escalation stops */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            acknowledgedBy: {
                                id: string;
                                name: string;
                            } | null;
                            clientId: string;
                            clientName: string;
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            decidedBy: ({
                                /** @enum {string} */
                                kind: "rule";
                                rotationId: string;
                                rotationName: string;
                                shiftId: string;
                            } | {
                                /** @enum {string} */
                                kind: "override";
                                overrideId: string;
                            }) | null;
                            fallbackTaskId: string | null;
                            id: string;
                            mine: {
                                acknowledgedAt: string | null;
                                openedAt: string | null;
                                readAt: string | null;
                                role: "primary" | "backup" | "supervisor" | "escalation";
                            } | null;
                            next: {
                                /** Format: date-time */
                                at: string;
                                kind: "page" | "exhausted";
                                recipients: {
                                    name: string;
                                    role: "primary" | "backup" | "supervisor" | "escalation";
                                    userId: string;
                                }[];
                            } | null;
                            patientId: string;
                            patientRef: string;
                            priority: "emergent" | "urgent";
                            readAt: string | null;
                            recipients: {
                                acknowledgedAt: string | null;
                                /** Format: date-time */
                                firstNotifiedAt: string;
                                name: string;
                                openedAt: string | null;
                                readAt: string | null;
                                role: "primary" | "backup" | "supervisor" | "escalation";
                                userId: string;
                            }[];
                            reference: string;
                            replies: {
                                total: number;
                                unhandled: number;
                            };
                            scheduleVersion: number;
                            status: "paging" | "read" | "acknowledged" | "exhausted" | "cancelled";
                            stopOn: "acknowledged" | "read";
                            taskId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/urgent-messages/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop a page sent in error (supervisors); the record stays */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            acknowledgedBy: {
                                id: string;
                                name: string;
                            } | null;
                            clientId: string;
                            clientName: string;
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            decidedBy: ({
                                /** @enum {string} */
                                kind: "rule";
                                rotationId: string;
                                rotationName: string;
                                shiftId: string;
                            } | {
                                /** @enum {string} */
                                kind: "override";
                                overrideId: string;
                            }) | null;
                            fallbackTaskId: string | null;
                            id: string;
                            mine: {
                                acknowledgedAt: string | null;
                                openedAt: string | null;
                                readAt: string | null;
                                role: "primary" | "backup" | "supervisor" | "escalation";
                            } | null;
                            next: {
                                /** Format: date-time */
                                at: string;
                                kind: "page" | "exhausted";
                                recipients: {
                                    name: string;
                                    role: "primary" | "backup" | "supervisor" | "escalation";
                                    userId: string;
                                }[];
                            } | null;
                            patientId: string;
                            patientRef: string;
                            priority: "emergent" | "urgent";
                            readAt: string | null;
                            recipients: {
                                acknowledgedAt: string | null;
                                /** Format: date-time */
                                firstNotifiedAt: string;
                                name: string;
                                openedAt: string | null;
                                readAt: string | null;
                                role: "primary" | "backup" | "supervisor" | "escalation";
                                userId: string;
                            }[];
                            reference: string;
                            replies: {
                                total: number;
                                unhandled: number;
                            };
                            scheduleVersion: number;
                            status: "paging" | "read" | "acknowledged" | "exhausted" | "cancelled";
                            stopOn: "acknowledged" | "read";
                            taskId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/urgent-messages/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the message and its replies (logged as a PHI read; for a recipient, the reading of the message) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            replies: {
                                authorId: string;
                                authorName: string;
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                handledAt: string | null;
                                handledBy: string | null;
                                id: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/urgent-messages/{id}/opened": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The link in a page was followed (recorded before anything is shown) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            acknowledgedBy: {
                                id: string;
                                name: string;
                            } | null;
                            clientId: string;
                            clientName: string;
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            decidedBy: ({
                                /** @enum {string} */
                                kind: "rule";
                                rotationId: string;
                                rotationName: string;
                                shiftId: string;
                            } | {
                                /** @enum {string} */
                                kind: "override";
                                overrideId: string;
                            }) | null;
                            fallbackTaskId: string | null;
                            id: string;
                            mine: {
                                acknowledgedAt: string | null;
                                openedAt: string | null;
                                readAt: string | null;
                                role: "primary" | "backup" | "supervisor" | "escalation";
                            } | null;
                            next: {
                                /** Format: date-time */
                                at: string;
                                kind: "page" | "exhausted";
                                recipients: {
                                    name: string;
                                    role: "primary" | "backup" | "supervisor" | "escalation";
                                    userId: string;
                                }[];
                            } | null;
                            patientId: string;
                            patientRef: string;
                            priority: "emergent" | "urgent";
                            readAt: string | null;
                            recipients: {
                                acknowledgedAt: string | null;
                                /** Format: date-time */
                                firstNotifiedAt: string;
                                name: string;
                                openedAt: string | null;
                                readAt: string | null;
                                role: "primary" | "backup" | "supervisor" | "escalation";
                                userId: string;
                            }[];
                            reference: string;
                            replies: {
                                total: number;
                                unhandled: number;
                            };
                            scheduleVersion: number;
                            status: "paging" | "read" | "acknowledged" | "exhausted" | "cancelled";
                            stopOn: "acknowledged" | "read";
                            taskId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/urgent-messages/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply to the message (clinical, encrypted; acknowledges it too) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description PHI (clinical): encrypted under the client's key, read only with the clinical category */
                        body: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/urgent-messages/{id}/replies/{replyId}/handled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a provider's reply handled */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                    /** @description Identifier */
                    replyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            acknowledgedBy: {
                                id: string;
                                name: string;
                            } | null;
                            clientId: string;
                            clientName: string;
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            decidedBy: ({
                                /** @enum {string} */
                                kind: "rule";
                                rotationId: string;
                                rotationName: string;
                                shiftId: string;
                            } | {
                                /** @enum {string} */
                                kind: "override";
                                overrideId: string;
                            }) | null;
                            fallbackTaskId: string | null;
                            id: string;
                            mine: {
                                acknowledgedAt: string | null;
                                openedAt: string | null;
                                readAt: string | null;
                                role: "primary" | "backup" | "supervisor" | "escalation";
                            } | null;
                            next: {
                                /** Format: date-time */
                                at: string;
                                kind: "page" | "exhausted";
                                recipients: {
                                    name: string;
                                    role: "primary" | "backup" | "supervisor" | "escalation";
                                    userId: string;
                                }[];
                            } | null;
                            patientId: string;
                            patientRef: string;
                            priority: "emergent" | "urgent";
                            readAt: string | null;
                            recipients: {
                                acknowledgedAt: string | null;
                                /** Format: date-time */
                                firstNotifiedAt: string;
                                name: string;
                                openedAt: string | null;
                                readAt: string | null;
                                role: "primary" | "backup" | "supervisor" | "escalation";
                                userId: string;
                            }[];
                            reference: string;
                            replies: {
                                total: number;
                                unhandled: number;
                            };
                            scheduleVersion: number;
                            status: "paging" | "read" | "acknowledged" | "exhausted" | "cancelled";
                            stopOn: "acknowledged" | "read";
                            taskId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/urgent-messages/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every step of the message: pages with their channel times, openings, readings, acknowledgements, replies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                at: string;
                                channel: string | null;
                                detail: {
                                    [key: string]: unknown;
                                } | null;
                                kind: "created" | "paged" | "channel_failed" | "delivered" | "opened" | "read" | "acknowledged" | "replied" | "reply_handled" | "escalated" | "exhausted" | "cancelled" | "sent" | "queued";
                                step: number | null;
                                userId: string | null;
                                userName: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List people */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    q?: string;
                    sort?: "email" | "-email" | "displayName" | "-displayName" | "createdAt" | "-createdAt" | "status" | "-status";
                    status?: "active" | "deactivated";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                displayName: string;
                                email: string;
                                id: string;
                                lockedUntil: string | null;
                                mfaEnrolled: boolean;
                                roles: {
                                    clientId: string | null;
                                    clientName: string | null;
                                    id: string;
                                    role: string;
                                    roleName: string;
                                }[];
                                status: "active" | "deactivated";
                            }[];
                            limit: number;
                            offset: number;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a person (they enrol an authenticator at first sign-in) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        /** Format: email */
                        email: string;
                        /** @description First password, at least 12 characters */
                        password: string;
                        roles?: {
                            clientId: string | null;
                            role: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description A member of the organization */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            email: string;
                            id: string;
                            lockedUntil: string | null;
                            mfaEnrolled: boolean;
                            roles: {
                                clientId: string | null;
                                clientName: string | null;
                                id: string;
                                role: string;
                                roleName: string;
                            }[];
                            status: "active" | "deactivated";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description A member of the organization */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            email: string;
                            id: string;
                            lockedUntil: string | null;
                            mfaEnrolled: boolean;
                            roles: {
                                clientId: string | null;
                                clientName: string | null;
                                id: string;
                                role: string;
                                roleName: string;
                            }[];
                            status: "active" | "deactivated";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change name or email address */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        /** Format: email */
                        email?: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description A member of the organization */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            email: string;
                            id: string;
                            lockedUntil: string | null;
                            mfaEnrolled: boolean;
                            roles: {
                                clientId: string | null;
                                clientName: string | null;
                                id: string;
                                role: string;
                                roleName: string;
                            }[];
                            status: "active" | "deactivated";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate a person (ends all their sessions at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description A member of the organization */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            email: string;
                            id: string;
                            lockedUntil: string | null;
                            mfaEnrolled: boolean;
                            roles: {
                                clientId: string | null;
                                clientName: string | null;
                                id: string;
                                role: string;
                                roleName: string;
                            }[];
                            status: "active" | "deactivated";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a person */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description A member of the organization */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            email: string;
                            id: string;
                            lockedUntil: string | null;
                            mfaEnrolled: boolean;
                            roles: {
                                clientId: string | null;
                                clientName: string | null;
                                id: string;
                                role: string;
                                roleName: string;
                            }[];
                            status: "active" | "deactivated";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/reset-mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a person’s authenticator so they enrol again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description A member of the organization */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            email: string;
                            id: string;
                            lockedUntil: string | null;
                            mfaEnrolled: boolean;
                            roles: {
                                clientId: string | null;
                                clientName: string | null;
                                id: string;
                                role: string;
                                roleName: string;
                            }[];
                            status: "active" | "deactivated";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a person a role for one client (or every client when clientId is null) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        clientId: string | null;
                        role: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description A member of the organization */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            email: string;
                            id: string;
                            lockedUntil: string | null;
                            mfaEnrolled: boolean;
                            roles: {
                                clientId: string | null;
                                clientName: string | null;
                                id: string;
                                role: string;
                                roleName: string;
                            }[];
                            status: "active" | "deactivated";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/roles/{assignmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a role away (effective immediately) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    assignmentId: string;
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description A member of the organization */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            email: string;
                            id: string;
                            lockedUntil: string | null;
                            mfaEnrolled: boolean;
                            roles: {
                                clientId: string | null;
                                clientName: string | null;
                                id: string;
                                role: string;
                                roleName: string;
                            }[];
                            status: "active" | "deactivated";
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clear a sign-in lockout */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description A member of the organization */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string;
                            email: string;
                            id: string;
                            lockedUntil: string | null;
                            mfaEnrolled: boolean;
                            roles: {
                                clientId: string | null;
                                clientName: string | null;
                                id: string;
                                role: string;
                                roleName: string;
                            }[];
                            status: "active" | "deactivated";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vendors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Vendors (subcontractors) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The clients whose PHI it touches; null for every client */
                                clientIds: string[] | null;
                                /** Format: date-time */
                                createdAt: string;
                                handlesPhi: boolean;
                                id: string;
                                name: string;
                                notes: string | null;
                                services: ("telephony" | "recording" | "transcription" | "sms" | "email" | "hosting" | "other")[];
                                status: "active" | "inactive";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a vendor */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The clients whose PHI the vendor touches; null (the default) for every client */
                        clientIds?: string[] | null;
                        handlesPhi: boolean;
                        name: string;
                        notes?: string | null;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        services: ("telephony" | "recording" | "transcription" | "sms" | "email" | "hosting" | "other")[];
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The clients whose PHI it touches; null for every client */
                            clientIds: string[] | null;
                            /** Format: date-time */
                            createdAt: string;
                            handlesPhi: boolean;
                            id: string;
                            name: string;
                            notes: string | null;
                            services: ("telephony" | "recording" | "transcription" | "sms" | "email" | "hosting" | "other")[];
                            status: "active" | "inactive";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vendors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a vendor */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The clients whose PHI the vendor touches; null (the default) for every client */
                        clientIds?: string[] | null;
                        handlesPhi?: boolean;
                        name?: string;
                        notes?: string | null;
                        /** @description Spans the caller judges not PHI, each with a reason (audited) */
                        phiOverrides?: {
                            end: number;
                            /** @description The guarded field, as the refusal named it */
                            field: string;
                            /** @description Why the span is not PHI; itself refused when it holds PHI */
                            reason: string;
                            start: number;
                            type: "NAME" | "PHONE" | "FAX" | "EMAIL" | "DATE" | "ADDRESS" | "SSN" | "MRN" | "INSURANCE_ID" | "URL" | "IP" | "LICENSE" | "VEHICLE" | "DEVICE" | "OTHER_ID";
                        }[];
                        services?: ("telephony" | "recording" | "transcription" | "sms" | "email" | "hosting" | "other")[];
                        status?: "active" | "inactive";
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            field?: string;
                            instance: string;
                            requestId: string;
                            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
                            spans?: {
                                end: number;
                                field: string;
                                start: number;
                                type: string;
                            }[];
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The clients whose PHI it touches; null for every client */
                            clientIds: string[] | null;
                            /** Format: date-time */
                            createdAt: string;
                            handlesPhi: boolean;
                            id: string;
                            name: string;
                            notes: string | null;
                            services: ("telephony" | "recording" | "transcription" | "sms" | "email" | "hosting" | "other")[];
                            status: "active" | "inactive";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Problem
         * @description RFC 9457 problem details
         */
        "def-0": {
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            field?: string;
            instance: string;
            requestId: string;
            /** @description PHI found in operational text: field, offsets (end exclusive) and kind; never the text */
            spans?: {
                end: number;
                field: string;
                start: number;
                type: string;
            }[];
            status: number;
            title: string;
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
